package dailypapers.submission;

import dailypapers.paper.ArxivId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where submissions are kept (the submission table) beside the featured rows they write. Writes run in a
 * transaction of their own, or in the caller's when the store was handed out by {@link dailypapers.paper.Transactions}.
 */
public interface SubmissionStore {

    /**
     * Features the paper (stored already) on {@code day} at {@code at} as the member's submission, writing the
     * featured row and the submission row; empty, writing nothing, when the paper is featured already, also when two
     * submissions of it race. The paper is marked written, so the search index syncs its featuring.
     */
    Optional<Submission> feature(ArxivId paper, long memberId, String handle, LocalDate day, Instant at);

    /** How many papers the member submitted on {@code day}, hidden ones included. */
    int countOn(long memberId, LocalDate day);

    Optional<Submission> find(long id);

    /** Who featured the paper and when; empty when it is not featured. */
    Optional<FeaturedBy> featuredBy(ArxivId paper);

    /** The members behind these papers' featured rows, for the papers a member's visible submission featured. */
    Map<ArxivId, MemberName> submitters(List<ArxivId> papers);

    /** The member's submissions, newest first, hidden ones included. */
    List<Submission> byMember(long memberId, int limit);

    /**
     * Hides a visible submission and removes its featured row from the listings (marking the paper written); false
     * when there is no such submission or it is hidden already.
     */
    boolean hide(long id, Instant at, String reason);
}
