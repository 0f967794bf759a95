package dailypapers.moderation;

import dailypapers.paper.ArxivId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where flags, hidden papers and suspensions are kept (the flag and paper_hidden tables, the member table's
 * suspension). Writes run in a transaction of their own, or in the caller's when handed out by
 * {@link dailypapers.paper.Transactions}: an action and its audit log entry commit together.
 */
public interface ModerationStore {

    /** Adds an open flag; empty when the reporter has an open flag on the same target already (the database says). */
    Optional<Flag> addFlag(long reporterId, Target target, FlagReason reason, String note, Instant at);

    /** An open flag. */
    Optional<Flag> openFlag(long id);

    /** Open flags, newest first (the order they were added in, reversed), at most {@code limit}. */
    List<Flag> openFlags(int limit);

    /** Closes an open flag; false when it is not open. */
    boolean resolveFlag(long id, long moderatorId, Resolution resolution, Instant at);

    /** Closes every open flag on the target; returns how many. */
    int resolveFlags(Target target, long moderatorId, Resolution resolution, Instant at);

    /**
     * Hides a paper; false when it is hidden already or there is no such paper. Its row counts as written then, so
     * the search index's sync, which never holds a hidden paper, drops it (and search totals stop counting it).
     */
    boolean hidePaper(HiddenPaper hidden);

    /**
     * Shows a hidden paper again, its row written {@code at} so the search index takes it back; false when it was
     * not hidden.
     */
    boolean unhidePaper(ArxivId paper, Instant at);

    Optional<HiddenPaper> hiddenPaper(ArxivId paper);

    /** Every hidden paper, most recently hidden first. */
    List<HiddenPaper> hiddenPapers();

    /** Suspends a member until {@code until}; false when there is no such member. */
    boolean suspend(long memberId, Instant until);

    /** Ends a suspension; false when there is no such member. */
    boolean unsuspend(long memberId);

    /** Bans a member and ends their sessions; false when there is no such member. */
    boolean ban(long memberId);
}
