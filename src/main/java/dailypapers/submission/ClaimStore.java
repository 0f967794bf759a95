package dailypapers.submission;

import dailypapers.paper.ArxivId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where authorship claims are kept (the author_claim table). */
public interface ClaimStore {

    /**
     * Adds a pending claim; empty, writing nothing, when the member has a pending or confirmed claim on the paper
     * already (also when two requests race).
     */
    Optional<Claim> create(ArxivId paper, long memberId, String authorName, Instant at);

    Optional<Claim> find(long id);

    /** Pending claims with who made them and the paper's title, oldest first. */
    List<PendingClaim> pending(int limit);

    /**
     * Confirms or rejects a pending claim; false when it is no longer pending. Throws
     * {@link SubmissionException} {@code AUTHOR_TAKEN} when another member is confirmed as that author already.
     */
    boolean decide(long id, ClaimState decision, long moderatorId, Instant at);

    /** The members confirmed as authors of the paper. */
    Set<Long> confirmedAuthors(ArxivId paper);

    /** The paper's confirmed authors by their byline name, in no particular order. */
    List<ConfirmedAuthor> confirmedAuthorNames(ArxivId paper);

    /** The papers the member is a confirmed author of, newest published first. */
    List<ArxivId> confirmedPapers(long memberId, int limit);

    /** Every claim the member made, whatever its state, oldest first (ties by id). */
    List<Claim> claimsBy(long memberId);

    /** The member's own claims on the paper, newest first. */
    List<Claim> claims(ArxivId paper, long memberId);

    /** A claim waiting for a moderator, with what the moderation page shows of it. */
    record PendingClaim(Claim claim, MemberName member, String paperTitle) {
    }

    /** A byline name and the member confirmed as its author. */
    record ConfirmedAuthor(String authorName, MemberName member) {
    }
}
