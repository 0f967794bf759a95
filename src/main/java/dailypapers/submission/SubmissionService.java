package dailypapers.submission;

import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.ingest.HarvestException;
import dailypapers.ingest.arxiv.ArxivApi;
import dailypapers.moderation.AuditLog;
import dailypapers.paper.ArxivId;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperEntry;
import dailypapers.paper.PaperRecord;
import dailypapers.paper.PaperStore;
import dailypapers.paper.Transactions;
import dailypapers.submission.SubmissionException.Code;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members featuring papers by arXiv id. A submission is checked against the rules ({@link SubmissionSettings}),
 * the paper's metadata comes from the database or else from the arXiv API, and the paper (when new), its featured
 * row and the submission row are written in one transaction, in which the daily cap is counted again and the
 * database, not an earlier look, decides whether the paper is featured already. A refused submission stores nothing.
 */
public final class SubmissionService {

    /** How long a member waits for arXiv's answer before the form says arXiv is unavailable. */
    static final Duration LOOKUP_DEADLINE = Duration.ofSeconds(10);
    /** The audit log's names for hiding a submission and for what it hides. */
    public static final String HIDE_ACTION = "hide-submission";
    public static final String TARGET_KIND = "submission";
    /** The longest reason a moderator gives for a decision. */
    static final int MAX_REASON_CHARS = 500;

    private static final Logger log = LoggerFactory.getLogger(SubmissionService.class);

    private final SubmissionSettings settings;
    private final PaperStore papers;
    private final SubmissionStore submissions;
    private final ClaimStore claims;
    private final ArxivApi arxiv;
    private final AuditLog audit;
    private final Transactions<SubmissionTx> transactions;
    private final Clock clock;

    public SubmissionService(SubmissionSettings settings, PaperStore papers, SubmissionStore submissions,
            ClaimStore claims, ArxivApi arxiv, AuditLog audit, Transactions<SubmissionTx> transactions, Clock clock) {
        this.settings = settings;
        this.papers = papers;
        this.submissions = submissions;
        this.claims = claims;
        this.arxiv = arxiv;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public SubmissionSettings settings() {
        return settings;
    }

    /**
     * Features the paper {@code text} names (any accepted id form) today, as the member's submission. Throws
     * {@link SubmissionException} naming the rule it breaks.
     */
    public Submission submit(Member member, String text) {
        if (!member.canPost(clock.instant())) {
            throw new SubmissionException(Code.NOT_ALLOWED, "A banned or suspended member cannot submit papers.");
        }
        ArxivId id = ArxivId.tryParse(text).orElseThrow(() -> new SubmissionException(Code.ID_INVALID,
                "That is not an arXiv id: type one such as 2401.09603, hep-th/9901001 or an arxiv.org link."));
        if (settings.requireClaim() && !isModerator(member) && claims.confirmedPapers(member.id(), 1).isEmpty()) {
            throw new SubmissionException(Code.CLAIM_REQUIRED,
                    "On this instance, members submit papers once a moderator has confirmed them as an author of one.");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // Both checks are repeated inside the transaction; here they spare arXiv a lookup that cannot succeed.
        checkCap(submissions.countOn(member.id(), today));
        Optional<FeaturedBy> featured = submissions.featuredBy(id);
        if (featured.isPresent()) {
            throw SubmissionException.alreadyFeatured(featured.get());
        }
        Optional<PaperEntry> stored = papers.find(id);
        Paper paper = stored.map(PaperEntry::paper).orElseGet(() -> lookUp(id).paper());
        checkAge(member, paper, today);
        return transactions.inTransaction(tx -> {
            checkCap(tx.submissions().countOn(member.id(), today));
            if (stored.isEmpty() && tx.papers().find(id).isEmpty()) {
                tx.papers().upsert(List.of(new PaperRecord(paper, null, null, null, null)));
            }
            return tx.submissions().feature(id, member.id(), member.handle().value(), today, now)
                    .orElseThrow(() -> SubmissionException.alreadyFeatured(tx.submissions().featuredBy(id)
                            .orElseThrow()));
        });
    }

    private PaperRecord lookUp(ArxivId id) {
        try {
            return arxiv.lookup(id, LOOKUP_DEADLINE).orElseThrow(() -> new SubmissionException(Code.NOT_ON_ARXIV,
                    "arXiv has no paper " + id + "."));
        } catch (HarvestException e) {
            log.warn("arXiv lookup of {} for a submission failed: {} {}", id, e.code(), e.getMessage());
            throw new SubmissionException(Code.UPSTREAM_UNAVAILABLE,
                    "arXiv did not answer in time, so " + id + " could not be looked up. Nothing was saved; "
                            + "please try again in a few minutes.");
        }
    }

    private void checkCap(int submittedToday) {
        if (submittedToday >= settings.dailyCap()) {
            throw new SubmissionException(Code.DAILY_CAP_REACHED, "You have submitted " + submittedToday
                    + (submittedToday == 1 ? " paper" : " papers") + " today, the most one member may; "
                    + "submit more tomorrow (UTC).");
        }
    }

    private void checkAge(Member member, Paper paper, LocalDate today) {
        if (!isModerator(member) && paper.published().isBefore(today.minusDays(settings.maxAgeDays()))) {
            throw new SubmissionException(Code.TOO_OLD, "This paper was published on " + paper.published()
                    + "; members submit papers at most " + settings.maxAgeDays() + " days old.");
        }
    }

    /** Who featured the paper and when; empty when it is not featured. */
    public Optional<FeaturedBy> featuredBy(ArxivId paper) {
        return submissions.featuredBy(paper);
    }

    /** The members behind these papers' featuring, for the papers a visible submission featured; one query. */
    public Map<ArxivId, MemberName> submitters(List<ArxivId> ids) {
        return ids.isEmpty() ? Map.of() : submissions.submitters(ids);
    }

    /** The member's submissions, newest first, hidden ones included (for their profile). */
    public List<Submission> submissions(long memberId, int limit) {
        return submissions.byMember(memberId, limit);
    }

    /** The papers the member's visible submissions featured, newest submission first (for their profile). */
    public List<PaperEntry> submittedPapers(long memberId, int limit) {
        return papers.find(submissions.byMember(memberId, limit).stream().filter(s -> !s.isHidden())
                .map(Submission::paper).toList());
    }

    public Optional<Submission> submission(long id) {
        return submissions.find(id);
    }

    /**
     * A moderator hides a submission: its paper leaves the listings of its day (the featured row goes), in one
     * transaction with the audit log entry. Throws {@link SubmissionException} {@code NO_SUCH_SUBMISSION} when there
     * is no visible submission of that id.
     */
    public void hide(long submissionId, Member moderator, String reason) {
        requireModerator(moderator);
        String why = requireReason(reason);
        transactions.run(tx -> {
            if (!tx.submissions().hide(submissionId, clock.instant(), why)) {
                throw new SubmissionException(Code.NO_SUCH_SUBMISSION,
                        "There is no visible submission " + submissionId + ".");
            }
            audit.record(tx.audit(), moderator.id(), HIDE_ACTION, TARGET_KIND, Long.toString(submissionId), why);
        });
    }

    static boolean isModerator(Member member) {
        return member.role() != Role.MEMBER && !member.isBanned();
    }

    static void requireModerator(Member member) {
        if (!isModerator(member)) {
            throw new SubmissionException(Code.NOT_ALLOWED, "Only moderators may do this.");
        }
    }

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new SubmissionException(Code.REASON_INVALID, "Say why, for the audit log.");
        }
        String why = reason.strip();
        if (why.length() > MAX_REASON_CHARS) {
            throw new SubmissionException(Code.REASON_INVALID,
                    "Keep the reason under " + MAX_REASON_CHARS + " characters.");
        }
        return why;
    }
}
