package dailypapers.submission;

import dailypapers.moderation.AuditStore;
import dailypapers.paper.PaperStore;

/** The stores a submission or a moderator's decision writes in one transaction, the audit log's included. */
public record SubmissionTx(PaperStore papers, SubmissionStore submissions, ClaimStore claims, AuditStore audit) {
}
