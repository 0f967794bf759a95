package dailypapers.vote;

import dailypapers.paper.ArxivId;

/**
 * A paper as a vote left it, read in the vote's transaction.
 *
 * @param upvoted whether the member now upvotes it
 * @param upvotes the count every surface shows: upstream upvotes plus members' votes
 */
public record VoteResult(ArxivId paper, boolean upvoted, int upvotes) {
}
