/**
 * Moderation: roles decide who moderates (see {@link dailypapers.account.Role}); every moderator action leaves a
 * row in the append-only {@link dailypapers.moderation.AuditLog}, written in the action's own transaction. Start at
 * {@link dailypapers.moderation.ModerationService}: members' flags, the queue, hiding papers, suspending and
 * banning members.
 */
package dailypapers.moderation;
