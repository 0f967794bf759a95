package dailypapers.comment;

import dailypapers.moderation.AuditLog;
import dailypapers.paper.Transactions;
import dailypapers.ratelimit.RateLimiter;
import java.time.Clock;

/**
 * Comments: wires the comment service from its store, transactions, the shared rate limiter and the audit log;
 * no jobs.
 */
public final class CommentModule {

    private final CommentService service;

    public CommentModule(CommentSettings settings, CommentStore store, Transactions<CommentWrites> transactions,
            RateLimiter limiter, AuditLog auditLog, Clock clock) {
        this.service = new CommentService(store, transactions, limiter, auditLog, settings, clock);
    }

    public CommentService service() {
        return service;
    }
}
