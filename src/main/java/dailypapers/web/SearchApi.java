package dailypapers.web;

import dailypapers.comment.CommentService;
import dailypapers.feed.FeedService;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperEntry;
import dailypapers.search.ResultOrder;
import dailypapers.search.SearchMode;
import dailypapers.search.SearchResult;
import dailypapers.search.SearchService;
import dailypapers.search.SimilarPapers;
import dailypapers.submission.SubmissionService;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code /api/papers/search?q=&limit=} in the shape of Hugging Face's (an array of the same items as
 * {@code /api/daily_papers}), with our {@code mode}, {@code sort} and {@code p}; and
 * {@code /api/papers/{id}/similar}.
 */
final class SearchApi {

    static final int DEFAULT_LIMIT = 50;
    /** Hugging Face's limit for its search endpoint. */
    static final int MAX_LIMIT = 120;
    static final int DEFAULT_SIMILAR = 10;
    static final int MAX_SIMILAR = 50;

    private final SearchService search;
    private final SimilarPapers similar;
    private final FeedService feed;
    private final SubmissionService submissions;
    private final CommentService comments;

    SearchApi(SearchService search, SimilarPapers similar, FeedService feed, SubmissionService submissions,
            CommentService comments) {
        this.search = search;
        this.similar = similar;
        this.feed = feed;
        this.submissions = submissions;
        this.comments = comments;
    }

    void search(Context ctx) {
        String query = SearchPages.query(ctx, true);
        int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int page = Params.integer(ctx, "p", 0, 0, SearchService.MAX_DEPTH / limit);
        Optional<SearchMode> mode = SearchPages.mode(ctx);
        ResultOrder order = SearchPages.order(ctx, ResultOrder.RELEVANCE);
        SearchResult result = SearchPages.run(search, query, mode, order, page * limit, limit);
        // Which mode ran: keyword when semantic search was asked for but is not available.
        ctx.header("X-Search-Mode", result.mode().key());
        if (result.hasMore() && (page + 1) * limit < SearchService.MAX_DEPTH) {
            ctx.header("Link", "<" + PaperApi.nextPageUrl(ctx, page + 1) + ">; rel=\"next\"");
        }
        ApiModel.write(ctx, ApiModel.withMembers(ctx,
                result.hits().stream().map(h -> ApiModel.item(h.entry())).toList(), submissions, comments));
    }

    void similar(Context ctx) {
        ArxivId id = Params.arxivId(ctx);
        int limit = Params.integer(ctx, "limit", DEFAULT_SIMILAR, 1, MAX_SIMILAR);
        PaperEntry paper = feed.paper(id).orElseThrow(() -> HttpError.notFound("no paper with id " + id));
        SimilarPapers.Similar found = similar.similar(paper, limit);
        ctx.header("X-Similar-By", found.byMeaning() ? "vectors" : "words");
        ApiModel.write(ctx, ApiModel.withMembers(ctx, found.papers().stream().map(ApiModel::item).toList(),
                submissions, comments));
    }
}
