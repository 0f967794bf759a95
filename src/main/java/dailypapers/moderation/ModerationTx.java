package dailypapers.moderation;

/** The stores a moderator's action writes in one transaction: the change and its audit log entry. */
public record ModerationTx(ModerationStore moderation, AuditStore audit) {
}
