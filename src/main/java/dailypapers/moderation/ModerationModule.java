package dailypapers.moderation;

import dailypapers.account.AccountStore;
import dailypapers.paper.PaperStore;
import dailypapers.paper.Transactions;
import java.time.Clock;
import java.util.Map;
import java.util.function.Predicate;

/** Moderation: the audit log over its store, members' flags and moderators' actions. */
public final class ModerationModule {

    private final AuditLog auditLog;
    private final ModerationService service;

    /**
     * @param otherTargets how the features that own comments and submissions tell that one exists (see
     *                     {@link ModerationService})
     */
    public ModerationModule(AuditStore auditStore, ModerationStore store, Transactions<ModerationTx> transactions,
            AccountStore accounts, PaperStore papers, Map<TargetKind, Predicate<Target>> otherTargets, Clock clock) {
        this.auditLog = new AuditLog(auditStore, clock);
        this.service = new ModerationService(transactions, store, auditLog, accounts, papers, otherTargets, clock);
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public ModerationService service() {
        return service;
    }
}
