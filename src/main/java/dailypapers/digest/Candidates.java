package dailypapers.digest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dailypapers.feed.FeedService;
import dailypapers.library.LibraryService;
import dailypapers.paper.ArxivId;
import dailypapers.paper.FeaturedQuery;
import dailypapers.paper.PaperEntry;
import dailypapers.search.Filters;
import dailypapers.search.ResultOrder;
import dailypapers.search.SearchMode;
import dailypapers.search.SearchRequest;
import dailypapers.search.SearchService;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Where each section of a digest finds its papers, best first, through the queries the site's own listings and
 * search use: trending through {@link FeedService#rankTrending}, topics through {@link SearchService} with the
 * window as a publication-date filter. A source is asked for its top {@code n}; the composer asks deeper when
 * papers it cannot use (shown already) fill the top.
 *
 * <p>Subscribers share topics and windows (a category, a time zone's due hour), so answers are kept, keyed by the
 * question and by the data and index versions it was answered at: a kept answer is the one a fresh query would
 * give, and a run of 100,000 digests asks each distinct question once. A member's library is theirs alone and is
 * never kept.
 */
public final class Candidates {

    /** How many of a member's most recently saved papers describe their library. */
    static final int LIBRARY_PAPERS = 50;
    /** Distinct questions kept; a question's answer is at most {@link SearchService#MAX_DEPTH} ids. */
    static final int KEPT_ANSWERS = 10_000;

    private final Cache<Question, List<ArxivId>> answers = Caffeine.newBuilder().maximumSize(KEPT_ANSWERS).build();

    private final FeedService feed;
    private final Supplier<SearchService> search;
    private final LibraryService library;

    /** {@code search} throws {@link dailypapers.search.IndexUnavailableException} when another process holds it. */
    public Candidates(FeedService feed, Supplier<SearchService> search, LibraryService library) {
        this.feed = feed;
        this.search = search;
        this.library = library;
    }

    /**
     * Papers featured on the days [from, until), ranked by the trending score as the trending page ranks them; all
     * of them are ranked once (ids only), then cut.
     */
    IntFunction<List<ArxivId>> trending(LocalDate from, LocalDate until) {
        FeaturedQuery featured = FeaturedQuery.between(from, until);
        List<ArxivId> ranked = answers.get(new Question(featured, feed.dataVersion(), ""),
                question -> feed.rankTrending(featured));
        return depth -> ranked.subList(0, Math.min(depth, ranked.size()));
    }

    /**
     * New papers for a topic: published on the days [from, until). Categories and authors list the most upvoted
     * first (then the newest), saved searches the best keyword matches first, the library the papers nearest to the mean of
     * the member's saved papers' vectors (none without a model, or for a subscriber who is not a member).
     */
    IntFunction<List<ArxivId>> topic(Topic topic, Optional<Long> memberId, LocalDate from, LocalDate until) {
        Filters window = new Filters(List.of(), List.of(), Optional.of(from), Optional.of(until), false, Set.of(),
                List.of());
        return switch (topic.kind()) {
            case CATEGORY -> depth -> search("", Optional.of(SearchMode.KEYWORD), ResultOrder.UPVOTES, depth,
                    window.and(new Filters(List.of(), List.of(topic.value()), Optional.empty(), Optional.empty(),
                            false, Set.of(), List.of())));
            case AUTHOR -> depth -> search("", Optional.of(SearchMode.KEYWORD), ResultOrder.UPVOTES, depth,
                    window.and(new Filters(List.of(topic.value()), List.of(), Optional.empty(), Optional.empty(),
                            false, Set.of(), List.of())));
            // Keyword matching: semantic search always finds nearest neighbours, so in a quiet week a saved search's
            // section would fill with papers that merely exist.
            case QUERY -> depth -> search(topic.value(), Optional.of(SearchMode.KEYWORD), ResultOrder.RELEVANCE, depth,
                    window);
            case LIBRARY -> memberId.map(member -> library(member, window)).orElse(depth -> List.of());
        };
    }

    private List<ArxivId> search(String query, Optional<SearchMode> mode, ResultOrder order, int depth,
            Filters within) {
        SearchService service = search.get();
        SearchRequest request = new SearchRequest(query, mode, order, 0, depth, within);
        return answers.get(new Question(request, feed.dataVersion(), service.indexVersion()),
                question -> service.ids(request));
    }

    /** What a section asked (a featured query or a search), at which versions. */
    private record Question(Record asked, long dataVersion, String indexVersion) {
    }

    private IntFunction<List<ArxivId>> library(long memberId, Filters window) {
        List<ArxivId> saved = library.library(memberId, 0, LIBRARY_PAPERS).items().stream()
                .map(PaperEntry::paper).map(p -> p.id()).toList();
        Filters notSaved = window.and(new Filters(List.of(), List.of(), Optional.empty(), Optional.empty(), false,
                Set.copyOf(saved.stream().map(ArxivId::value).toList()), List.of()));
        return depth -> search.get().nearestToAll(saved, notSaved, depth);
    }
}
