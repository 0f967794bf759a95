package dailypapers.web;

import dailypapers.account.Member;
import dailypapers.submission.ClaimService;
import dailypapers.submission.SubmissionException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * {@code /moderation/claims}: moderators confirm or reject members' claims to be a paper's authors. A refused
 * decision (the moderator's own claim, a name confirmed for someone else, a claim decided meanwhile) shows the queue
 * again with why.
 */
final class ClaimPages {

    static final String QUEUE = "/moderation/claims";

    private final ClaimService claims;
    private final Views views;

    ClaimPages(ClaimService claims, Views views) {
        this.claims = claims;
        this.views = views;
    }

    void queue(Context ctx) {
        Member moderator = Visitor.of(ctx).requireMember();
        views.render(ctx, "claims.jte", ClaimsView.of(claims.pending(moderator), moderator.id(), null));
    }

    void confirm(Context ctx) {
        decide(ctx, true);
    }

    void reject(Context ctx) {
        decide(ctx, false);
    }

    private void decide(Context ctx, boolean confirm) {
        long id = Params.pathId(ctx, "claim");
        Member moderator = Visitor.of(ctx).requireMember();
        try {
            if (confirm) {
                claims.confirm(id, moderator);
            } else {
                claims.reject(id, moderator);
            }
        } catch (SubmissionException e) {
            if (e.code() == SubmissionException.Code.NO_SUCH_CLAIM) {
                throw HttpError.notFound(e.getMessage());
            }
            ctx.status(SubmissionPages.status(e.code()));
            views.render(ctx, "claims.jte", ClaimsView.of(claims.pending(moderator), moderator.id(), e.getMessage()));
            return;
        }
        ctx.redirect(QUEUE, HttpStatus.SEE_OTHER);
    }
}
