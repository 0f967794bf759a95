package dailypapers.moderation;

import java.time.Instant;

/**
 * A member's report, as stored.
 *
 * @param note what the member added in their words, empty when nothing
 */
public record Flag(long id, long reporterId, Target target, FlagReason reason, String note, Instant createdAt) {
}
