package dailypapers.web;

import dailypapers.account.Member;
import dailypapers.paper.ArxivId;
import dailypapers.token.TokenScope;
import dailypapers.vote.VoteException;
import dailypapers.vote.VoteResult;
import dailypapers.vote.VoteService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Members' upvotes over HTTP: the upvote button's form ({@code POST /papers/{id}/upvote}, with or without
 * JavaScript) and the API ({@code POST} and {@code DELETE /api/papers/{id}/upvote}); and, for every page of cards,
 * which of them the visitor upvoted (one query per page).
 *
 * <p>The form says what it wants ({@code action=add} or {@code remove}) rather than "toggle", so a form sent twice
 * (a double click, a resubmission after the back button) leaves the same state as sent once.
 */
final class Upvotes {

    static final String ADD = "add";
    static final String REMOVE = "remove";

    private final VoteService votes;
    private final Clock clock;

    Upvotes(VoteService votes, Clock clock) {
        this.votes = votes;
        this.clock = clock;
    }

    /**
     * The button's form: 303 back to {@code next} (a path of this site, the card's anchor included) for a browser,
     * or the paper's new state as JSON for the page's script ({@code Accept: application/json}).
     */
    void form(Context ctx) {
        ArxivId paper = Params.arxivId(ctx);
        String action = ctx.formParam("action");
        if (!ADD.equals(action) && !REMOVE.equals(action)) {
            throw HttpError.badParameter("action", "expected add or remove");
        }
        VoteResult result = vote(ctx, paper, ADD.equals(action));
        if (Web.wantsData(ctx)) {
            ApiModel.write(ctx, answer(result));
            return;
        }
        String next = ctx.formParam("next");
        ctx.redirect(next == null ? Links.paper(paper) : SafeRedirect.path(next), HttpStatus.SEE_OTHER);
    }

    /** {@code POST /api/papers/{id}/upvote}: a personal access token needs the write scope. */
    void add(Context ctx) {
        ApiModel.write(ctx, answer(vote(ctx, Params.arxivId(ctx), true)));
    }

    /** {@code DELETE /api/papers/{id}/upvote}. */
    void remove(Context ctx) {
        ApiModel.write(ctx, answer(vote(ctx, Params.arxivId(ctx), false)));
    }

    private VoteResult vote(Context ctx, ArxivId paper, boolean upvoted) {
        Visitor visitor = Visitor.of(ctx);
        if (!visitor.allows(TokenScope.WRITE)) {
            throw HttpError.forbidden("This token has the read scope; voting needs a token with the write scope.");
        }
        Member member = visitor.requireMember();
        // Bans and deletions are checked again inside the vote's transaction; a suspension by this request's member.
        if (!member.canPost(clock.instant())) {
            throw HttpError.forbidden("This account is suspended and may not vote until the suspension ends.");
        }
        try {
            return votes.set(member.id(), paper, upvoted);
        } catch (VoteException e) {
            throw switch (e.code()) {
                case NO_SUCH_PAPER -> HttpError.notFound(e.getMessage());
                case VOTER_NOT_ALLOWED -> HttpError.forbidden(e.getMessage());
            };
        }
    }

    /** The cards with the visitor's upvotes marked, read for the whole page in one query. */
    List<PaperCard> mark(Context ctx, List<PaperCard> cards) {
        Visitor visitor = Visitor.of(ctx);
        if (!visitor.isSignedIn() || cards.isEmpty()) {
            return cards;
        }
        Set<String> upvoted = votes.upvotedAmong(visitor.requireMember().id(),
                cards.stream().map(c -> new ArxivId(c.id())).toList()).stream().map(ArxivId::value)
                .collect(Collectors.toSet());
        return cards.stream().map(c -> upvoted.contains(c.id()) ? c.withUpvoted() : c).toList();
    }

    /** Whether the visitor upvoted this paper; false for an anonymous visitor. */
    boolean hasUpvoted(Context ctx, ArxivId paper) {
        return Visitor.of(ctx).member().map(m -> votes.hasUpvoted(m.id(), paper)).orElse(false);
    }

    private static UpvoteState answer(VoteResult result) {
        return new UpvoteState(result.paper().value(), result.upvoted(), result.upvotes());
    }

    /** What a vote answers: the paper, whether the member now upvotes it, and the count shown everywhere. */
    record UpvoteState(String id, boolean upvoted, int upvotes) {
    }
}
