package dailypapers.web;

import dailypapers.feed.Page;
import dailypapers.library.LibraryService;
import dailypapers.library.PaperCollection;
import dailypapers.paper.PaperEntry;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /api/me/library}: the signed-in member's saved papers (last saved first, paged like the other lists
 * with {@code p} and {@code limit}, a {@code Link: rel="next"} header while there are more) and their collections.
 */
final class LibraryApi {

    private final LibraryService library;

    LibraryApi(LibraryService library) {
        this.library = library;
    }

    /** The body: papers in the paper API's shape, and every collection with its page's absolute URL. */
    record MyLibrary(int total, List<ApiModel.ApiPaper> papers, List<ApiCollection> collections) {
    }

    record ApiCollection(long id, String name, String visibility, int numPapers, String url) {
    }

    void library(Context ctx) {
        int page = Params.integer(ctx, "p", 0, 0, PaperApi.MAX_PAGE);
        int limit = Params.integer(ctx, "limit", PaperApi.MAX_LIMIT, 1, PaperApi.MAX_LIMIT);
        long member = Visitor.of(ctx).requireMember().id();
        Page<PaperEntry> saved = library.library(member, page, limit);
        if (saved.hasNext()) {
            ctx.header("Link", "<" + Links.page(ctx.path() + "?limit=" + limit, page + 1) + ">; rel=\"next\"");
        }
        String base = ctx.scheme() + "://" + ctx.host();
        ApiModel.write(ctx, new MyLibrary(saved.total(), saved.items().stream().map(ApiModel::paper).toList(),
                library.collections(member).stream().map(c -> collection(c, base)).toList()));
    }

    private static ApiCollection collection(PaperCollection collection, String base) {
        return new ApiCollection(collection.id(), collection.name().value(), collection.visibility().key(),
                collection.papers(), base + LibraryLinks.collection(collection));
    }
}
