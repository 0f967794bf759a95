package dailypapers.submission;

import dailypapers.account.Member;
import dailypapers.moderation.AuditLog;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperEntry;
import dailypapers.paper.PaperStore;
import dailypapers.paper.Transactions;
import dailypapers.ratelimit.RateLimiter;
import dailypapers.submission.SubmissionException.Code;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Authorship claims: a member claims to be one of a paper's authors by picking their name from its byline; a
 * moderator, never the claimant, confirms or rejects it. Confirmed authors get a badge on the paper page and their
 * papers on their profile, and count as participating authors for the API's {@code isAuthorParticipating}.
 */
public final class ClaimService {

    /** The audit log's names for the decisions on a claim and for what they decide. */
    public static final String CONFIRM_ACTION = "confirm-claim";
    public static final String REJECT_ACTION = "reject-claim";
    public static final String TARGET_KIND = "claim";
    /**
     * The most claims one member makes per day, whatever becomes of them: a member writes a handful of papers a day
     * at most, and each claim is a moderator's work.
     */
    public static final int CLAIMS_PER_DAY = 10;
    /** How many pending claims the moderation page lists at once. */
    public static final int QUEUE_LIMIT = 200;

    private final PaperStore papers;
    private final ClaimStore claims;
    private final AuditLog audit;
    private final RateLimiter limiter;
    private final Transactions<SubmissionTx> transactions;
    private final Clock clock;

    public ClaimService(PaperStore papers, ClaimStore claims, AuditLog audit, RateLimiter limiter,
            Transactions<SubmissionTx> transactions, Clock clock) {
        this.papers = papers;
        this.claims = claims;
        this.audit = audit;
        this.limiter = limiter;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Claims the byline name {@code authorName} of the paper for the member. Throws
     * {@link dailypapers.ratelimit.RateLimitedException} past {@link #CLAIMS_PER_DAY} tries in a day; the limit holds
     * across app nodes (its count is in the database).
     */
    public Claim claim(Member member, ArxivId paper, String authorName) {
        if (!member.canPost(clock.instant())) {
            throw new SubmissionException(Code.NOT_ALLOWED, "A banned or suspended member cannot claim papers.");
        }
        limiter.check("claim:member:" + member.id(), CLAIMS_PER_DAY, Duration.ofDays(1));
        PaperEntry entry = papers.find(paper).orElseThrow(() -> new SubmissionException(Code.NO_SUCH_PAPER,
                "There is no paper " + paper + " here."));
        if (authorName == null || !entry.paper().authors().contains(authorName)) {
            throw new SubmissionException(Code.AUTHOR_INVALID, "Pick your name from the paper's authors.");
        }
        return claims.create(paper, member.id(), authorName, clock.instant())
                .orElseThrow(() -> new SubmissionException(Code.CLAIM_OPEN,
                        "You have claimed this paper already; a moderator decides on your claim."));
    }

    /** The claims waiting for a moderator, oldest first. */
    public List<ClaimStore.PendingClaim> pending(Member moderator) {
        SubmissionService.requireModerator(moderator);
        return claims.pending(QUEUE_LIMIT);
    }

    public void confirm(long claimId, Member moderator) {
        decide(claimId, moderator, ClaimState.CONFIRMED);
    }

    public void reject(long claimId, Member moderator) {
        decide(claimId, moderator, ClaimState.REJECTED);
    }

    private void decide(long claimId, Member moderator, ClaimState decision) {
        SubmissionService.requireModerator(moderator);
        transactions.run(tx -> {
            Claim claim = tx.claims().find(claimId).orElseThrow(() -> new SubmissionException(Code.NO_SUCH_CLAIM,
                    "There is no claim " + claimId + "."));
            if (claim.memberId() == moderator.id()) {
                throw new SubmissionException(Code.OWN_CLAIM, "Another moderator decides on your own claim.");
            }
            if (!tx.claims().decide(claimId, decision, moderator.id(), clock.instant())) {
                throw new SubmissionException(Code.CLAIM_DECIDED, "This claim has been decided already.");
            }
            audit.record(tx.audit(), moderator.id(), decision == ClaimState.CONFIRMED ? CONFIRM_ACTION : REJECT_ACTION,
                    TARGET_KIND, Long.toString(claimId), "member " + claim.memberId() + " as " + claim.authorName()
                            + " of " + claim.paper());
        });
    }

    /** The members confirmed as the paper's authors (for {@code isAuthorParticipating}). */
    public Set<Long> confirmedAuthors(ArxivId paper) {
        return claims.confirmedAuthors(paper);
    }

    /** The paper's confirmed authors by byline name, for the badges on its page. */
    public List<ClaimStore.ConfirmedAuthor> confirmedAuthorNames(ArxivId paper) {
        return claims.confirmedAuthorNames(paper);
    }

    /** The papers the member is a confirmed author of, newest first (for their profile). */
    public List<PaperEntry> confirmedPapers(long memberId, int limit) {
        return papers.find(claims.confirmedPapers(memberId, limit));
    }

    /** The member's own claims on the paper, newest first: the paper page shows where they stand. */
    public List<Claim> claims(ArxivId paper, long memberId) {
        return claims.claims(paper, memberId);
    }

    /** Every claim the member made, whatever its state, oldest first: for the export of their data. */
    public List<Claim> claimsBy(long memberId) {
        return claims.claimsBy(memberId);
    }

    public Optional<Claim> claim(long id) {
        return claims.find(id);
    }
}
