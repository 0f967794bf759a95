package dailypapers.web;

/**
 * The page that edits a comment: its text in a form, and why the last attempt was refused.
 *
 * @param paperHref where the comment is, to go back without saving
 */
public record CommentEditView(PageFrame frame, String paperTitle, String paperHref, String action,
        CommentsView.FormState form) {
}
