/**
 * Members' upvotes: a member upvotes a paper and withdraws the upvote, one per member and paper, exact under
 * concurrency; which papers of a listing page a member upvoted; the papers a member upvoted, newest first. Start at
 * {@link dailypapers.vote.VoteService}. The vote rows and the counts derived from them live in
 * {@link dailypapers.paper.PaperStore}; {@link dailypapers.vote.VoteStore} reads a member's votes.
 */
package dailypapers.vote;
