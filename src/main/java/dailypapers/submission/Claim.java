package dailypapers.submission;

import dailypapers.paper.ArxivId;
import java.time.Instant;
import java.util.Optional;

/**
 * A member's claim to be the author named {@code authorName} in a paper's byline.
 *
 * @param decidedBy the moderator who confirmed or rejected it, empty while pending
 */
public record Claim(long id, ArxivId paper, long memberId, String authorName, ClaimState state, Instant createdAt,
        Optional<Long> decidedBy, Optional<Instant> decidedAt) {
}
