package dailypapers.moderation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The moderators' append-only log, stamped with the time of the action. */
public final class AuditLog {

    private final AuditStore store;
    private final Clock clock;

    public AuditLog(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Appends an entry through {@code store}: pass the transaction's audit store to log an action in the
     * transaction that makes it.
     */
    public AuditEntry record(AuditStore store, long actorId, String action, String targetKind, String targetId,
            String reason) {
        return store.append(new AuditEntry(0, clock.instant(), actorId, action, targetKind, targetId,
                Optional.ofNullable(reason).filter(r -> !r.isBlank())));
    }

    /** Appends an entry in a transaction of its own. */
    public AuditEntry record(long actorId, String action, String targetKind, String targetId, String reason) {
        return record(store, actorId, action, targetKind, targetId, reason);
    }

    public List<AuditEntry> recent(int offset, int limit) {
        return store.recent(offset, limit);
    }
}
