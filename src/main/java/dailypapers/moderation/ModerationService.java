package dailypapers.moderation;

import dailypapers.account.AccountStore;
import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.moderation.ModerationException.Code;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperStore;
import dailypapers.paper.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Members' flags and moderators' actions. Every action checks who may take it here, whatever the route said, and
 * writes its audit log entry in the transaction that makes the change, so the log has an entry exactly when the
 * change happened. The rules:
 * <ul>
 *   <li>only an active, unsuspended moderator or admin moderates, and never on themselves;</li>
 *   <li>a moderator acts on members only (not on another moderator nor an admin); an admin on anyone else;</li>
 *   <li>only an admin bans; a moderator suspends for 1 to {@value #MAX_SUSPENSION_DAYS} days;</li>
 *   <li>a member who may post ({@link Member#canPost}) reports a target that exists, once while it is open.</li>
 * </ul>
 */
public final class ModerationService {

    public static final int MAX_NOTE_LENGTH = 500;
    public static final int MAX_REASON_LENGTH = 500;
    public static final int MAX_SUSPENSION_DAYS = 365;
    /** Open flags the queue shows at most; older ones wait until newer ones are handled. */
    public static final int QUEUE_FLAGS = 500;

    private final Transactions<ModerationTx> transactions;
    private final ModerationStore store;
    private final AuditLog auditLog;
    private final AccountStore accounts;
    private final Map<TargetKind, Predicate<Target>> exists;
    private final Clock clock;

    /**
     * @param otherTargets how to tell that a comment or a submission exists, from the features that own them; a
     *                     kind not given is taken to exist when its id is well formed
     */
    public ModerationService(Transactions<ModerationTx> transactions, ModerationStore store, AuditLog auditLog,
            AccountStore accounts, PaperStore papers, Map<TargetKind, Predicate<Target>> otherTargets, Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.auditLog = auditLog;
        this.accounts = accounts;
        this.clock = clock;
        Map<TargetKind, Predicate<Target>> checks = new LinkedHashMap<>(otherTargets);
        checks.put(TargetKind.PAPER, t -> papers.find(new ArxivId(t.id())).isPresent());
        checks.put(TargetKind.MEMBER, t -> accounts.member(t.memberId()).filter(m -> !m.isBanned()).isPresent());
        this.exists = Map.copyOf(checks);
    }

    /** A member reports a target; refused when they cannot post, for a target that is not there, or twice. */
    public Flag flag(Member reporter, String kind, String target, String reason, String note) {
        Instant now = clock.instant();
        if (!reporter.canPost(now)) {
            throw new ModerationException(Code.NOT_ALLOWED, "a suspended or banned member cannot report");
        }
        Target subject = Target.of(kind, target);
        FlagReason why = FlagReason.of(reason);
        String text = note == null ? "" : note.strip();
        if (text.codePointCount(0, text.length()) > MAX_NOTE_LENGTH) {
            throw new ModerationException(Code.NOTE_TOO_LONG, "a note has at most " + MAX_NOTE_LENGTH
                    + " characters");
        }
        if (subject.kind() == TargetKind.MEMBER && subject.memberId() == reporter.id()) {
            throw new ModerationException(Code.TARGET_INVALID, "you cannot report yourself");
        }
        if (!exists.getOrDefault(subject.kind(), t -> true).test(subject)) {
            throw new ModerationException(Code.NO_SUCH_TARGET, "there is no such " + subject.kind().key());
        }
        return store.addFlag(reporter.id(), subject, why, text, now)
                .orElseThrow(() -> new ModerationException(Code.ALREADY_FLAGGED,
                        "you have reported this already; a moderator will look at it"));
    }

    /** Open flags grouped by target; the target flagged most recently first. */
    public List<FlaggedTarget> queue() {
        Map<Target, List<Flag>> byTarget = new LinkedHashMap<>();
        for (Flag flag : store.openFlags(QUEUE_FLAGS)) {
            byTarget.computeIfAbsent(flag.target(), t -> new ArrayList<>()).add(flag);
        }
        return byTarget.entrySet().stream().map(e -> new FlaggedTarget(e.getKey(), e.getValue())).toList();
    }

    /** Closes a flag without acting on its target. */
    public void dismiss(Member moderator, long flagId, String reason) {
        requireModerator(moderator);
        String why = optionalReason(reason);
        Flag flag = store.openFlag(flagId)
                .orElseThrow(() -> new ModerationException(Code.NO_SUCH_FLAG, "this flag is not open any more"));
        transactions.run(tx -> {
            if (!tx.moderation().resolveFlag(flagId, moderator.id(), Resolution.DISMISSED, clock.instant())) {
                throw new ModerationException(Code.NO_SUCH_FLAG, "this flag is not open any more");
            }
            log(tx, moderator, "dismiss-flag", flag.target(), "flag " + flagId + (why.isEmpty() ? "" : ": " + why));
        });
    }

    /** Hides a paper from every listing, search and the API; its open flags close. */
    public void hidePaper(Member moderator, String paper, String reason) {
        requireModerator(moderator);
        String why = requiredReason(reason);
        Target target = new Target(TargetKind.PAPER, paper);
        ArxivId id = new ArxivId(target.id());
        transactions.run(tx -> {
            if (!tx.moderation().hidePaper(new HiddenPaper(id, why, moderator.id(), clock.instant()))) {
                throw new ModerationException(Code.ALREADY_DONE, "this paper is hidden already, or not here");
            }
            tx.moderation().resolveFlags(target, moderator.id(), Resolution.ACTIONED, clock.instant());
            log(tx, moderator, "hide-paper", target, why);
        });
    }

    public void unhidePaper(Member moderator, String paper, String reason) {
        requireModerator(moderator);
        String why = optionalReason(reason);
        Target target = new Target(TargetKind.PAPER, paper);
        transactions.run(tx -> {
            if (!tx.moderation().unhidePaper(new ArxivId(target.id()), clock.instant())) {
                throw new ModerationException(Code.ALREADY_DONE, "this paper is not hidden");
            }
            log(tx, moderator, "unhide-paper", target, why);
        });
    }

    /** Suspends a member for whole days from now; their open flags close. */
    public void suspend(Member moderator, long memberId, String days, String reason) {
        Member member = requireActionOn(moderator, memberId);
        int count = days(days);
        String why = requiredReason(reason);
        Instant until = clock.instant().plus(Duration.ofDays(count));
        Target target = Target.member(member.id());
        transactions.run(tx -> {
            tx.moderation().suspend(member.id(), until);
            tx.moderation().resolveFlags(target, moderator.id(), Resolution.ACTIONED, clock.instant());
            log(tx, moderator, "suspend-member", target, count + (count == 1 ? " day: " : " days: ") + why);
        });
    }

    public void unsuspend(Member moderator, long memberId, String reason) {
        Member member = requireActionOn(moderator, memberId);
        String why = optionalReason(reason);
        if (!member.isSuspended(clock.instant())) {
            throw new ModerationException(Code.ALREADY_DONE, "this member is not suspended");
        }
        transactions.run(tx -> {
            tx.moderation().unsuspend(member.id());
            log(tx, moderator, "unsuspend-member", Target.member(member.id()), why);
        });
    }

    /** Bans a member for good: their sessions end and they cannot sign in. Admins only. */
    public void ban(Member admin, long memberId, String reason) {
        Member member = requireActionOn(admin, memberId);
        if (admin.role() != Role.ADMIN) {
            throw new ModerationException(Code.NOT_ALLOWED, "only an admin bans; a moderator suspends");
        }
        String why = requiredReason(reason);
        if (member.isBanned()) {
            throw new ModerationException(Code.ALREADY_DONE, "this member is banned already");
        }
        Target target = Target.member(member.id());
        transactions.run(tx -> {
            tx.moderation().ban(member.id());
            tx.moderation().resolveFlags(target, admin.id(), Resolution.ACTIONED, clock.instant());
            log(tx, admin, "ban-member", target, why);
        });
    }

    public Optional<HiddenPaper> hiddenPaper(ArxivId paper) {
        return store.hiddenPaper(paper);
    }

    public List<HiddenPaper> hiddenPapers() {
        return store.hiddenPapers();
    }

    /** Any member, banned or not, for naming actors and targets to moderators. */
    public Optional<Member> member(long id) {
        return accounts.member(id);
    }

    /** Audit log entries, newest first. */
    public List<AuditEntry> log(int offset, int limit) {
        return auditLog.recent(offset, limit);
    }

    /** Whether {@code actor} may act on {@code member} at all: what the pages offer follows the same rules. */
    public boolean canActOn(Member actor, Member member) {
        return isModerating(actor) && actor.id() != member.id()
                && (actor.role() == Role.ADMIN || member.role() == Role.MEMBER);
    }

    private void log(ModerationTx tx, Member actor, String action, Target target, String reason) {
        auditLog.record(tx.audit(), actor.id(), action, target.kind().key(), target.id(), reason);
    }

    private boolean isModerating(Member actor) {
        return actor.isStaff() && actor.canPost(clock.instant());
    }

    private void requireModerator(Member actor) {
        if (!isModerating(actor)) {
            throw new ModerationException(Code.NOT_ALLOWED, "this is for moderators");
        }
    }

    private Member requireActionOn(Member actor, long memberId) {
        requireModerator(actor);
        Member member = accounts.member(memberId)
                .orElseThrow(() -> new ModerationException(Code.NO_SUCH_TARGET, "there is no such member"));
        if (actor.id() == member.id()) {
            throw new ModerationException(Code.NOT_ALLOWED, "nobody moderates themselves");
        }
        if (!canActOn(actor, member)) {
            throw new ModerationException(Code.NOT_ALLOWED, "a moderator cannot act on a moderator or an admin");
        }
        return member;
    }

    private static int days(String days) {
        try {
            int count = Integer.parseInt(days == null ? "" : days.strip());
            if (count >= 1 && count <= MAX_SUSPENSION_DAYS) {
                return count;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new ModerationException(Code.DAYS_INVALID, "a suspension lasts 1 to " + MAX_SUSPENSION_DAYS + " days");
    }

    private static String requiredReason(String reason) {
        String why = optionalReason(reason);
        if (why.isEmpty()) {
            throw new ModerationException(Code.REASON_INVALID, "give a reason: it goes into the audit log");
        }
        return why;
    }

    private static String optionalReason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.codePointCount(0, why.length()) > MAX_REASON_LENGTH) {
            throw new ModerationException(Code.REASON_INVALID, "a reason has at most " + MAX_REASON_LENGTH
                    + " characters");
        }
        return why;
    }
}
