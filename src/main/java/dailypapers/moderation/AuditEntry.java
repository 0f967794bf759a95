package dailypapers.moderation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One moderator action as logged.
 *
 * @param id         assigned by the store, increasing; 0 for an entry not yet appended
 * @param actorId    the member who acted
 * @param action     what was done, a short verb phrase in kebab case ({@code hide-comment}, {@code ban-member})
 * @param targetKind what it was done to ({@code comment}, {@code paper}, {@code member}, …)
 * @param targetId   which one, as the target's own id spells it
 * @param reason     the moderator's reason, when one was given
 */
public record AuditEntry(long id, Instant at, long actorId, String action, String targetKind, String targetId,
        Optional<String> reason) {

    public AuditEntry {
        Objects.requireNonNull(at);
        Objects.requireNonNull(action);
        Objects.requireNonNull(targetKind);
        Objects.requireNonNull(targetId);
        Objects.requireNonNull(reason);
    }
}
