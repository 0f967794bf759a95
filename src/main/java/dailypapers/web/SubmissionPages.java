package dailypapers.web;

import dailypapers.account.Member;
import dailypapers.paper.ArxivId;
import dailypapers.submission.Submission;
import dailypapers.submission.SubmissionException;
import dailypapers.submission.SubmissionService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * {@code /submit}: a member features a paper by its arXiv id. A refused submission shows the form again with the id
 * as typed and the reason next to the field at fault; nothing was stored. And a moderator hides a submission from
 * the paper page.
 */
final class SubmissionPages {

    private final SubmissionService submissions;
    private final Views views;

    SubmissionPages(SubmissionService submissions, Views views) {
        this.submissions = submissions;
        this.views = views;
    }

    void page(Context ctx) {
        views.render(ctx, "submit.jte", SubmitView.empty(Params.optional(ctx, "id").orElse(null),
                submissions.settings(), Visitor.of(ctx).isModerator()));
    }

    /** On success, to the paper's card (its title) on its day's listing. */
    void submit(Context ctx) {
        Member member = Visitor.of(ctx).requireMember();
        String typed = Optional.ofNullable(ctx.formParam("id")).orElse("");
        Submission submission;
        try {
            submission = submissions.submit(member, typed);
        } catch (SubmissionException e) {
            SubmitView view = SubmitView.empty(typed, submissions.settings(), Visitor.of(ctx).isModerator());
            ctx.status(status(e.code()));
            views.render(ctx, "submit.jte", e.code().field() == null ? view.withFormError(e.getMessage())
                    : view.withIdError(e.getMessage(), e.featured().map(SubmitView.Featured::of).orElse(null)));
            return;
        }
        ctx.redirect(Links.day(submission.day()) + "#" + PaperCard.anchorOf(submission.paper().value()) + "-title",
                HttpStatus.SEE_OTHER);
    }

    /** A moderator hides a submission with a reason; back to the paper's page, which no longer lists it as featured. */
    void hide(Context ctx) {
        long id = Params.pathId(ctx, "submission");
        Submission submission = submissions.submission(id)
                .orElseThrow(() -> HttpError.notFound("There is no submission " + id + "."));
        try {
            submissions.hide(id, Visitor.of(ctx).requireMember(), ctx.formParam("reason"));
        } catch (SubmissionException e) {
            throw e.code() == SubmissionException.Code.REASON_INVALID ? HttpError.badParameter("reason",
                    e.getMessage()) : HttpError.conflict(e.getMessage());
        }
        ctx.redirect(Links.paper(submission.paper()), HttpStatus.SEE_OTHER);
    }

    static HttpStatus status(SubmissionException.Code code) {
        return switch (code) {
            case ALREADY_FEATURED, CLAIM_OPEN, CLAIM_DECIDED, AUTHOR_TAKEN -> HttpStatus.CONFLICT;
            case DAILY_CAP_REACHED -> HttpStatus.TOO_MANY_REQUESTS;
            case UPSTREAM_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case NOT_ALLOWED, CLAIM_REQUIRED, OWN_CLAIM -> HttpStatus.FORBIDDEN;
            case NO_SUCH_PAPER, NO_SUCH_SUBMISSION, NO_SUCH_CLAIM -> HttpStatus.NOT_FOUND;
            case ID_INVALID, NOT_ON_ARXIV, TOO_OLD, REASON_INVALID, AUTHOR_INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }
}
