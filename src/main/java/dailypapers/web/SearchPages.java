package dailypapers.web;

import dailypapers.feed.FeedService;
import dailypapers.feed.Page;
import dailypapers.paper.ArxivId;
import dailypapers.search.InvalidQueryException;
import dailypapers.search.ResultOrder;
import dailypapers.search.SearchHit;
import dailypapers.search.SearchMode;
import dailypapers.search.SearchRequest;
import dailypapers.search.SearchResult;
import dailypapers.search.SearchService;
import dailypapers.text.Messages;
import dailypapers.web.PageFrame.FeedLink;
import dailypapers.web.PageFrame.Section;
import dailypapers.web.SearchView.EmptyResult;
import dailypapers.web.SearchView.Option;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The search results page, {@code /search?q=&mode=&sort=&p=}; an existing paper's arXiv id opens its page. */
final class SearchPages {

    static final int PAGE_SIZE = 20;

    private final SearchService search;
    private final FeedService feed;
    private final Views views;
    private final DateText dates;
    private final Upvotes upvotes;

    SearchPages(SearchService search, FeedService feed, Views views, DateText dates, Upvotes upvotes) {
        this.search = search;
        this.feed = feed;
        this.views = views;
        this.dates = dates;
        this.upvotes = upvotes;
    }

    void search(Context ctx) {
        String query = query(ctx, false);
        Optional<SearchMode> mode = mode(ctx);
        ResultOrder order = order(ctx, ResultOrder.RELEVANCE);
        int page = Pager.requestedPage(ctx);
        // An arXiv id in any form, typed into the search box, means that paper (the JSON API still lists it).
        Optional<ArxivId> named = ArxivId.tryParse(query).filter(id -> feed.paper(id).isPresent());
        if (named.isPresent()) {
            ctx.redirect(Links.paper(named.get()), HttpStatus.SEE_OTHER);
            return;
        }
        List<Option> modes = modeOptions(mode.orElse(SearchMode.HYBRID));
        List<Option> sorts = sortOptions(order);
        if (query.isEmpty()) {
            SearchService.Status status = search.status();
            views.render(ctx, "search.jte", new SearchView(
                    new PageFrame("Search — Daily Papers", Section.NONE, List.of(PageFrame.trendingFeed())),
                    "", modes, sorts, "Search papers", null, List.of(), List.of(), null, List.of(), null,
                    status(status)));
            return;
        }
        SearchResult result = run(query, mode, order, page * PAGE_SIZE, PAGE_SIZE);
        int reachable = (int) Math.min(result.total(), SearchService.MAX_DEPTH);
        Page<SearchHit> hits = new Page<>(result.hits(), page, PAGE_SIZE, reachable);
        String href = Links.search(query, mode, order);
        List<PaperCard> cards = upvotes.mark(ctx, result.hits().stream().map(h -> PaperCard.of(h, dates)).toList());
        EmptyResult empty = null;
        if (cards.isEmpty()) {
            empty = result.total() == 0
                    ? new EmptyResult("No papers found",
                            "Nothing here matches " + quoted(query) + ". Try fewer or other words, drop a filter, or"
                                    + " switch to semantic search, which matches by meaning.")
                    : new EmptyResult("Nothing on this page", "These results have "
                            + PaperCard.count(hits.pageCount(), "page") + "; this one is past the end.");
        }
        String feedHref = Links.searchFeed(query);
        views.render(ctx, "search.jte", new SearchView(
                new PageFrame(query + " — Search — Daily Papers", Section.NONE,
                        List.of(new FeedLink("Search: " + query, feedHref)), query),
                query, modes, sorts, "Results for " + quoted(query), summary(result), result.notices(), cards,
                Pager.of(hits, href),
                List.of(new LinkView("Atom feed of this search", feedHref),
                        new LinkView("JSON", Links.searchApi(query))),
                empty, null));
    }

    /**
     * Runs a search; a query search refuses ({@link InvalidQueryException}) is the client's 400 naming {@code q}.
     * Any other failure is ours: a 500 with the trace in the log.
     */
    static SearchResult run(SearchService search, String query, Optional<SearchMode> mode, ResultOrder order,
            int offset, int limit) {
        try {
            return search.search(new SearchRequest(query, mode, order, offset, limit));
        } catch (InvalidQueryException e) {
            throw HttpError.badParameter("q", e.getMessage());
        }
    }

    private SearchResult run(String query, Optional<SearchMode> mode, ResultOrder order, int offset, int limit) {
        return run(search, query, mode, order, offset, limit);
    }

    /**
     * The sentence above the results. Every mode counts the same way, as the pager does: the results there are,
     * and, past the {@link SearchService#MAX_DEPTH} a search reaches, how many of them are listed.
     */
    static String summary(SearchResult result) {
        long total = result.total();
        String count;
        if (result.totalIsExact() && total <= SearchService.MAX_DEPTH) {
            count = PaperCard.count((int) total, "result");
        } else {
            count = String.format(Locale.ENGLISH, "The first %,d of %s%,d results",
                    Math.min(total, SearchService.MAX_DEPTH), result.totalIsExact() ? "" : "more than ", total);
        }
        String how = switch (result.mode()) {
            case KEYWORD -> "matched by their words (BM25)";
            case SEMANTIC -> "matched by meaning (nearest embeddings)";
            case HYBRID -> "matched by meaning and by words, the two rankings fused";
        };
        String order = switch (result.order()) {
            case RELEVANCE -> "best match first";
            case DATE -> "newest first";
            case UPVOTES -> "most upvoted first";
        };
        return count + ", " + how + ", " + order + ".";
    }

    private static String status(SearchService.Status status) {
        String papers = PaperCard.count((int) status.documents(), "paper") + " indexed";
        String vectors = status.model()
                .map(m -> String.format(Locale.ENGLISH, "; %,d with vectors from %s", status.documentsWithVectors(),
                        m))
                .orElse("; no embedding model is configured, so search matches words only");
        return papers + vectors + (status.isBuilding() ? "; the index is being built" : "") + ".";
    }

    private static String quoted(String query) {
        return "“" + query + "”";
    }

    /** The {@code q} parameter, stripped; too long is a 400 naming it, missing is an error when required. */
    static String query(Context ctx, boolean required) {
        String query = Params.optional(ctx, "q").orElse("");
        if (query.isEmpty() && required) {
            throw HttpError.badParameter("q", "a search query is required");
        }
        return query;
    }

    static Optional<SearchMode> mode(Context ctx) {
        return Params.optional(ctx, "mode").map(value -> SearchMode.parse(value).orElseThrow(
                () -> HttpError.badParameter("mode", "expected keyword, semantic or hybrid, got '"
                        + Messages.abbreviate(value) + "'")));
    }

    static ResultOrder order(Context ctx, ResultOrder defaultOrder) {
        return Params.optional(ctx, "sort").map(value -> ResultOrder.parse(value).orElseThrow(
                () -> HttpError.badParameter("sort", "expected relevance, date or upvotes, got '"
                        + Messages.abbreviate(value) + "'"))).orElse(defaultOrder);
    }

    private static List<Option> modeOptions(SearchMode selected) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("hybrid", "Hybrid (words and meaning)", selected == SearchMode.HYBRID));
        options.add(new Option("keyword", "Keyword", selected == SearchMode.KEYWORD));
        options.add(new Option("semantic", "Semantic (meaning)", selected == SearchMode.SEMANTIC));
        return options;
    }

    private static List<Option> sortOptions(ResultOrder selected) {
        return List.of(new Option("relevance", "Best match", selected == ResultOrder.RELEVANCE),
                new Option("date", "Newest", selected == ResultOrder.DATE),
                new Option("upvotes", "Most upvoted", selected == ResultOrder.UPVOTES));
    }
}
