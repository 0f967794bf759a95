package dailypapers.web;

import dailypapers.comment.Comment;
import dailypapers.comment.CommentService.Placed;
import dailypapers.comment.CommentState;
import dailypapers.comment.Commenter;
import dailypapers.paper.ArxivId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The comments section of a paper page: the thread in reading order and the forms a visitor may use, each form
 * with what was typed and a message when it came back refused.
 *
 * @param postAction where new comments and replies are posted
 * @param signInHref where an anonymous visitor signs in to comment, back to this section afterwards
 * @param canPost    whether the visitor is a member who may comment
 * @param form       the new-comment form as refused, or empty; a refused reply or hide form keeps what was typed
 *                   in its comment's item
 */
public record CommentsView(String anchor, String postAction, String feedHref, String signInHref, String count,
        boolean canPost, FormState form, List<Item> items) {

    /** Replies deeper than this are drawn at this depth, so a long exchange stays readable on a phone. */
    static final int MAX_VISUAL_DEPTH = 4;
    static final String ANCHOR = "comments";

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("MMM d, yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public CommentsView {
        items = List.copyOf(items);
    }

    /** What a form shows: the text as typed and the message that refused it (null when none). */
    public record FormState(String text, String error) {

        static final FormState EMPTY = new FormState("", null);

        public boolean hasError() {
            return error != null;
        }
    }

    /**
     * One comment as the visitor sees it.
     *
     * @param depth     0 for a comment on the paper; at most {@link #MAX_VISUAL_DEPTH}
     * @param author    the display name, or "deleted member"
     * @param html      the stored sanitized HTML, or null when the text is not shown
     * @param notice    what shows instead of or above the text: "[deleted]", "[hidden by a moderator: …]"; null
     *                  when the text shows plainly
     * @param canReport whether to offer the report form: on a visible comment by someone else (a visitor who is
     *                  not signed in is offered the way to sign in and report)
     * @param reply     the reply form as refused, or null when it was not; likewise {@code hide}, a moderator's
     */
    public record Item(long id, String anchor, int depth, String author, String authorHref, String createdIso,
            String createdLabel, String editedLabel, String html, String notice, boolean canReply,
            boolean canChange, boolean canHide, boolean canReport, String editHref, String deleteAction, String hideAction,
            FormState reply, FormState hide) {

        public String depthClass() {
            return "depth-" + depth;
        }

        public boolean isReplyOpen() {
            return reply != null;
        }

        public FormState replyForm() {
            return reply == null ? FormState.EMPTY : reply;
        }

        public boolean isHideOpen() {
            return hide != null;
        }

        public FormState hideForm() {
            return hide == null ? FormState.EMPTY : hide;
        }
    }

    /** The visitor, as far as comments care: who they are, if anyone, and whether they moderate. */
    record Viewer(Optional<Long> memberId, boolean canPost, boolean isModerator) {
    }

    /** The forms of the section. */
    enum Form { COMMENT, REPLY, HIDE }

    /**
     * A refused form, to show again: the new-comment form, or the reply or hide form under comment
     * {@code commentId}. One whose comment is not in the thread any more comes back as the new-comment form.
     */
    record Refused(Form form, long commentId, FormState state) {

        static Refused comment(FormState state) {
            return new Refused(Form.COMMENT, 0, state);
        }

        FormState under(Comment comment, Form kind) {
            return form == kind && commentId == comment.id() ? state : null;
        }
    }

    static CommentsView of(ArxivId paperId, List<Placed> thread, Viewer viewer, Optional<Refused> refused) {
        long shown = thread.stream().filter(p -> p.comment().isVisible()).count();
        List<Item> items = thread.stream().map(p -> item(p, viewer, refused)).toList();
        boolean placed = items.stream().anyMatch(i -> i.isReplyOpen() || i.isHideOpen());
        FormState form = refused.filter(r -> !placed && r.form() != Form.HIDE).map(Refused::state)
                .orElse(FormState.EMPTY);
        String paperHref = Links.paper(paperId);
        return new CommentsView(ANCHOR, paperHref + "/comments", Links.paperCommentsFeed(paperId),
                Links.signIn(paperHref + "#" + ANCHOR),
                shown == 0 ? "No comments yet" : PaperCard.count(Math.toIntExact(shown), "comment"),
                viewer.canPost(), form, items);
    }

    private static Item item(Placed placed, Viewer viewer, Optional<Refused> refused) {
        Comment comment = placed.comment();
        boolean mine = viewer.memberId().filter(comment::isBy).isPresent();
        boolean visible = comment.isVisible();
        boolean hidden = comment.state() == CommentState.HIDDEN;
        String notice = switch (comment.state()) {
            case VISIBLE -> null;
            case DELETED -> "[deleted]";
            case HIDDEN -> "[hidden by a moderator: " + comment.hiddenReason().orElse("") + "]";
        };
        // Moderators still read what they hid, under the notice; everyone else sees the notice only.
        String html = visible || hidden && viewer.isModerator() ? comment.html() : null;
        Commenter author = comment.author();
        String base = "/comments/" + comment.id();
        return new Item(comment.id(), "comment-" + comment.id(), Math.min(placed.depth(), MAX_VISUAL_DEPTH),
                comment.state() == CommentState.DELETED ? "[deleted]" : author.name(),
                comment.state() == CommentState.DELETED || author.isDeleted() ? null
                        : Links.member(author.handle().orElseThrow()),
                comment.createdAt().toString(), SHOWN.format(comment.createdAt()),
                comment.editedAt().map(CommentsView::edited).orElse(null), html, notice,
                visible && viewer.canPost(), visible && mine && viewer.canPost(),
                visible && viewer.isModerator(), visible && !mine, base + "/edit", base + "/delete", base + "/hide",
                refused.map(r -> r.under(comment, Form.REPLY)).orElse(null),
                refused.map(r -> r.under(comment, Form.HIDE)).orElse(null));
    }

    private static String edited(Instant at) {
        return "edited " + SHOWN.format(at);
    }
}
