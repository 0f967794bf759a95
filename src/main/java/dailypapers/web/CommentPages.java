package dailypapers.web;

import dailypapers.account.Member;
import dailypapers.comment.Comment;
import dailypapers.comment.CommentException;
import dailypapers.comment.CommentService;
import dailypapers.feed.FeedService;
import dailypapers.paper.ArxivId;
import dailypapers.ratelimit.RateLimitedException;
import dailypapers.text.TexText;
import dailypapers.web.CommentsView.Form;
import dailypapers.web.CommentsView.FormState;
import dailypapers.web.CommentsView.Refused;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * The comment forms: post and reply, edit (a page of its own), delete and hide. A refused form comes back with what
 * was typed and the reason next to it (400 for text that breaks a rule, 429 with Retry-After for a rate limit);
 * success redirects (303) to the comment on its paper page. Who may act is checked here and again by the service.
 */
final class CommentPages {

    private final CommentService comments;
    private final FeedService feed;
    private final PaperPages paperPages;
    private final Views views;

    CommentPages(CommentService comments, FeedService feed, PaperPages paperPages, Views views) {
        this.comments = comments;
        this.feed = feed;
        this.paperPages = paperPages;
        this.views = views;
    }

    /** {@code POST /papers/{id}/comments}: field {@code text}, and {@code parent} for a reply. */
    void post(Context ctx) {
        ArxivId paperId = Params.arxivId(ctx);
        Member member = Visitor.of(ctx).requireMember();
        String text = Optional.ofNullable(ctx.formParam("text")).orElse("");
        String parentField = ctx.formParam("parent");
        Optional<Long> parent = parentField == null || parentField.isBlank() ? Optional.empty()
                : Optional.of(parseId(parentField).orElse(-1L));
        Form form = parent.isPresent() ? Form.REPLY : Form.COMMENT;
        long target = parent.orElse(0L);
        try {
            long id = comments.post(member, RequestOrigin.clientIp(ctx), paperId, parent, text);
            ctx.redirect(Links.paper(paperId) + "#comment-" + id, HttpStatus.SEE_OTHER);
        } catch (CommentException e) {
            refusal(e).ifPresent(error -> {
                throw error;
            });
            // A reply whose parent went comes back in the new-comment form, which can still post it.
            Refused refused = e.code() == CommentException.Code.PARENT_NOT_FOUND
                    ? Refused.comment(new FormState(text, e.getMessage()))
                    : new Refused(form, target, new FormState(text, e.getMessage()));
            refuse(ctx, paperId, refused, HttpStatus.BAD_REQUEST);
        } catch (RateLimitedException e) {
            ctx.header(Header.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            refuse(ctx, paperId, new Refused(form, target, new FormState(text, "You have posted a lot just now. "
                    + e.getMessage() + " Your text is kept below.")), HttpStatus.TOO_MANY_REQUESTS);
        }
    }

    /** {@code GET /comments/{id}/edit}: the author's own visible comment, in a form. */
    void editPage(Context ctx) {
        Comment comment = editable(ctx);
        renderEdit(ctx, comment, new FormState(comment.source(), null));
    }

    /** {@code POST /comments/{id}/edit}: field {@code text}. */
    void edit(Context ctx) {
        Comment comment = editable(ctx);
        String text = Optional.ofNullable(ctx.formParam("text")).orElse("");
        try {
            comments.edit(Visitor.of(ctx).requireMember(), comment.id(), text);
            ctx.redirect(Links.paper(comment.paperId()) + "#comment-" + comment.id(), HttpStatus.SEE_OTHER);
        } catch (CommentException e) {
            refusal(e).ifPresent(error -> {
                throw error;
            });
            ctx.status(HttpStatus.BAD_REQUEST);
            renderEdit(ctx, comment, new FormState(text, e.getMessage()));
        }
    }

    /** {@code POST /comments/{id}/delete}. */
    void delete(Context ctx) {
        Comment comment = comment(ctx);
        try {
            comments.delete(Visitor.of(ctx).requireMember(), comment.id());
        } catch (CommentException e) {
            throw refusal(e).orElseThrow(() -> e);
        }
        ctx.redirect(Links.paper(comment.paperId()) + "#" + CommentsView.ANCHOR, HttpStatus.SEE_OTHER);
    }

    /** {@code POST /comments/{id}/hide} (moderators): field {@code reason}. */
    void hide(Context ctx) {
        Comment comment = comment(ctx);
        String reason = Optional.ofNullable(ctx.formParam("reason")).orElse("");
        try {
            comments.hide(comment.id(), Visitor.of(ctx).requireMember().id(), reason);
            ctx.redirect(Links.paper(comment.paperId()) + "#comment-" + comment.id(), HttpStatus.SEE_OTHER);
        } catch (CommentException e) {
            if (e.code() != CommentException.Code.REASON_INVALID) {
                throw refusal(e).orElseThrow(() -> e);
            }
            refuse(ctx, comment.paperId(), new Refused(Form.HIDE, comment.id(), new FormState(reason,
                    e.getMessage())), HttpStatus.BAD_REQUEST);
        }
    }

    private void refuse(Context ctx, ArxivId paperId, Refused refused, HttpStatus status) {
        ctx.status(status);
        paperPages.render(ctx, paperId, Optional.of(refused));
    }

    private void renderEdit(Context ctx, Comment comment, FormState form) {
        String title = feed.paper(comment.paperId()).map(e -> TexText.plain(e.paper().title()))
                .orElse(comment.paperId().value());
        views.render(ctx, "comment-edit.jte", new CommentEditView(PageFrame.plain("Edit your comment — Daily Papers"),
                title, Links.paper(comment.paperId()) + "#comment-" + comment.id(),
                "/comments/" + comment.id() + "/edit", form));
    }

    /** The comment of the path, which the visitor wrote and may still change. */
    private Comment editable(Context ctx) {
        Comment comment = comment(ctx);
        if (!comment.isBy(Visitor.of(ctx).requireMember().id())) {
            throw HttpError.forbidden("Only its author can change a comment.");
        }
        if (!comment.isVisible()) {
            throw HttpError.notFound("This comment was deleted or hidden; it cannot be edited.");
        }
        return comment;
    }

    private Comment comment(Context ctx) {
        String raw = ctx.pathParam("id");
        return parseId(raw).flatMap(comments::comment)
                .orElseThrow(() -> HttpError.notFound("No comment " + raw + " here."));
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The HTTP error for a refusal that no form can fix: not the author, no such comment, banned. */
    private static Optional<HttpError> refusal(CommentException e) {
        return switch (e.code()) {
            case NOT_AUTHOR, MEMBER_BANNED -> Optional.of(HttpError.forbidden(e.getMessage()));
            case NO_SUCH_COMMENT, NO_SUCH_PAPER, NOT_EDITABLE -> Optional.of(HttpError.notFound(e.getMessage()));
            case TEXT_EMPTY, TEXT_TOO_LONG, PARENT_NOT_FOUND, REASON_INVALID -> Optional.empty();
        };
    }
}
