package dailypapers.web;

import dailypapers.account.Member;
import dailypapers.feed.Page;
import dailypapers.vote.Upvote;
import dailypapers.vote.VoteService;
import io.javalin.http.Context;
import java.util.List;

/**
 * The API about the member who calls it: {@code GET /api/me} and {@code GET /api/me/upvotes}, by personal access
 * token (any scope) or by the session of a signed-in browser.
 */
final class MeApi {

    private final VoteService votes;

    MeApi(VoteService votes) {
        this.votes = votes;
    }

    /** The member, in the shape of Hugging Face's users ({@code _id}, {@code name}, {@code fullname}). */
    void me(Context ctx) {
        Member member = Visitor.of(ctx).requireMember();
        ApiModel.write(ctx, new Me(Long.toString(member.id()), member.handle().value(),
                member.displayName().value(), member.email().value(), member.role().key(),
                ApiModel.timestamp(member.createdAt())));
    }

    /** The papers the member upvoted, newest vote first, paged like {@code /api/daily_papers}. */
    void upvotes(Context ctx) {
        int page = Params.integer(ctx, "p", 0, 0, PaperApi.MAX_PAGE);
        int limit = Params.integer(ctx, "limit", PaperApi.DEFAULT_LIMIT, 1, PaperApi.MAX_LIMIT);
        Page<Upvote> upvoted = votes.upvotedBy(Visitor.of(ctx).requireMember().id(), page, limit);
        if (upvoted.hasNext()) {
            ctx.header("Link", "<" + PaperApi.nextPageUrl(ctx, page + 1) + ">; rel=\"next\"");
        }
        List<UpvotedPaper> items = upvoted.items().stream()
                .map(u -> new UpvotedPaper(ApiModel.paper(u.entry()), ApiModel.timestamp(u.upvotedAt())))
                .toList();
        ApiModel.write(ctx, items);
    }

    record Me(String _id, String name, String fullname, String email, String role, String createdAt) {
    }

    record UpvotedPaper(ApiModel.ApiPaper paper, String upvotedAt) {
    }
}
