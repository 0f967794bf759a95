/**
 * Members' threaded comments on papers. Start at {@link dailypapers.comment.CommentService}: posting, replying,
 * editing, deleting and hiding, each with its rule; {@link dailypapers.comment.CommentText} checks what a member
 * typed and {@link dailypapers.comment.CommentMarkdown} turns it into the only HTML a page shows. Storage is the
 * {@link dailypapers.comment.CommentStore} seam, implemented in {@code store}.
 */
package dailypapers.comment;
