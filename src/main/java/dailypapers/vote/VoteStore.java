package dailypapers.vote;

import dailypapers.account.MemberState;
import dailypapers.paper.ArxivId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads members' votes (the vote table; {@link dailypapers.paper.PaperStore} writes them). A voter is the text the
 * vote rows carry, {@link VoteService#voter(long)} for a member.
 */
public interface VoteStore {

    /**
     * The member's state and suspension, read under a shared lock on their row that lasts until the enclosing
     * transaction ends (PostgreSQL; SQLite's transaction holds the database's write lock already), so a ban and a
     * vote in flight never overlap: the vote sees the ban or the ban waits for the vote. Empty when there is no
     * such member.
     */
    Optional<Voter> lockVoter(long memberId);

    /** What decides whether a member may vote: their state, and until when a moderator suspended them. */
    record Voter(MemberState state, Optional<Instant> suspendedUntil) {

        /** Active and not suspended at {@code now}, as {@link dailypapers.account.Member#canPost} says. */
        public boolean canVote(Instant now) {
            return state == MemberState.ACTIVE && suspendedUntil.filter(now::isBefore).isEmpty();
        }
    }

    /** Which of these papers the voter upvoted, in one query. */
    Set<ArxivId> upvotedAmong(String voter, List<ArxivId> papers);

    /** The voter's votes, newest first, ties by descending paper id. */
    List<CastVote> votesBy(String voter, int offset, int limit);

    int countVotesBy(String voter);

    record CastVote(ArxivId paper, Instant at) {
    }
}
