package dailypapers.vote;

import dailypapers.feed.Page;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperEntry;
import dailypapers.paper.PaperStore;
import dailypapers.paper.Transactions;
import dailypapers.vote.VoteStore.CastVote;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Members' upvotes. Setting a vote is idempotent (upvoting twice is one vote, withdrawing twice withdraws one), so a
 * double click or a resent form never counts twice; the voter's state is checked, the vote written and the shown
 * count recounted in one transaction. Voting a paper that was never featured changes its count (the "New" listing
 * shows it) but features nothing: the day, week, month and trending listings read featured rows only.
 */
public final class VoteService {

    private final Transactions<VoteTx> transactions;
    private final PaperStore papers;
    private final VoteStore votes;
    private final Clock clock;

    public VoteService(Transactions<VoteTx> transactions, PaperStore papers, VoteStore votes, Clock clock) {
        this.transactions = transactions;
        this.papers = papers;
        this.votes = votes;
        this.clock = clock;
    }

    /** The text a member's vote rows carry: their id. */
    public static String voter(long memberId) {
        return Long.toString(memberId);
    }

    /**
     * Makes the member upvote the paper ({@code upvoted} true) or not, whatever they did before; throws
     * {@link VoteException} when the member may not vote or the paper is unknown.
     */
    public VoteResult set(long memberId, ArxivId paper, boolean upvoted) {
        return transactions.inTransaction(tx -> {
            Instant now = clock.instant();
            if (!tx.votes().lockVoter(memberId).filter(voter -> voter.canVote(now)).isPresent()) {
                throw new VoteException(VoteException.Code.VOTER_NOT_ALLOWED, "this account may not vote");
            }
            if (upvoted) {
                tx.papers().addVote(paper, voter(memberId));
            } else {
                tx.papers().removeVote(paper, voter(memberId));
            }
            PaperEntry entry = tx.papers().find(paper).orElseThrow(() -> new VoteException(
                    VoteException.Code.NO_SUCH_PAPER, "no paper " + paper + " on this instance"));
            return new VoteResult(paper, upvoted, entry.upvotes());
        });
    }

    /** Which of a page's papers the member upvoted, in one query. */
    public Set<ArxivId> upvotedAmong(long memberId, List<ArxivId> page) {
        return page.isEmpty() ? Set.of() : votes.upvotedAmong(voter(memberId), page);
    }

    public boolean hasUpvoted(long memberId, ArxivId paper) {
        return upvotedAmong(memberId, List.of(paper)).contains(paper);
    }

    /**
     * Every vote of the member, newest first, papers hidden since included: for the export of their data, which
     * is theirs whatever became of the papers.
     */
    public List<CastVote> votesBy(long memberId) {
        String voter = voter(memberId);
        return votes.votesBy(voter, 0, votes.countVotesBy(voter));
    }

    /** The papers the member upvoted, newest vote first; page counts from 0. */
    public Page<Upvote> upvotedBy(long memberId, int page, int pageSize) {
        String voter = voter(memberId);
        int total = votes.countVotesBy(voter);
        List<CastVote> cast = votes.votesBy(voter, page * pageSize, pageSize);
        Map<ArxivId, PaperEntry> entries = new HashMap<>();
        for (PaperEntry entry : papers.find(cast.stream().map(CastVote::paper).toList())) {
            entries.put(entry.paper().id(), entry);
        }
        // A paper deleted between the two reads takes its votes with it (ON DELETE CASCADE): leave it out.
        List<Upvote> items = cast.stream().filter(vote -> entries.containsKey(vote.paper()))
                .map(vote -> new Upvote(entries.get(vote.paper()), vote.at())).toList();
        return new Page<>(items, page, pageSize, total);
    }
}
