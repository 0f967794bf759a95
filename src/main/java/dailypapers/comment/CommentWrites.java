package dailypapers.comment;

import dailypapers.moderation.AuditStore;

/** What one comment transaction writes: comments, and the audit log for a moderator's action on one. */
public record CommentWrites(CommentStore comments, AuditStore audit) {
}
