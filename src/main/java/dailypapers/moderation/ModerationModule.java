package dailypapers.moderation;

import java.time.Clock;

/** Moderation: the audit log over its store. */
public final class ModerationModule {

    private final AuditLog auditLog;

    public ModerationModule(AuditStore store, Clock clock) {
        this.auditLog = new AuditLog(store, clock);
    }

    public AuditLog auditLog() {
        return auditLog;
    }
}
