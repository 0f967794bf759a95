package dailypapers.moderation;

import java.util.List;

/**
 * The audit_log table: append and read, nothing else. Appending inside a feature's transaction (the store handed
 * out by the transaction seam) commits the entry with the action it records, or neither.
 */
public interface AuditStore {

    /** Appends the entry (its id ignored) and returns it with the id the store gave it. */
    AuditEntry append(AuditEntry entry);

    /** Entries newest first. */
    List<AuditEntry> recent(int offset, int limit);
}
