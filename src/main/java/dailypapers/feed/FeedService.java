package dailypapers.feed;

import dailypapers.paper.ArxivId;
import dailypapers.paper.FeaturedQuery;
import dailypapers.paper.PaperEntry;
import dailypapers.paper.PaperStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** The listings: Daily Papers by day, week and month, trending, New by publication day, authors, categories. */
public final class FeedService {

    private final PaperStore store;

    public FeedService(PaperStore store) {
        this.store = store;
    }

    /** One paper with its community data, in any listing or none. */
    public Optional<PaperEntry> paper(ArxivId id) {
        return store.find(id);
    }

    /** Changes whenever what the listings show may have changed; see {@link PaperStore#dataVersion()}. */
    public long dataVersion() {
        return store.dataVersion();
    }

    public Optional<LocalDate> latestFeaturedDay() {
        return store.latestFeaturedDay();
    }

    /** Featured papers of a period, most upvoted first, with links to the nearest non-empty periods. */
    public Listing featured(Period period, int page, int pageSize) {
        Page<PaperEntry> items = featured(FeaturedQuery.between(period.from(), period.until()), page, pageSize);
        Optional<Period> previous = store.featuredDayBefore(period.from()).map(period::containing);
        Optional<Period> next = store.featuredDayAfter(period.until().minusDays(1)).map(period::containing);
        return new Listing(period, items, previous, next);
    }

    /** The newest day within {@code period} that has featured papers. */
    public Optional<LocalDate> latestFeaturedDayIn(Period period) {
        return store.featuredDayBefore(period.until()).filter(day -> !day.isBefore(period.from()));
    }

    /** How many papers were featured on each day of {@code period} that has any, for a calendar. */
    public SortedMap<LocalDate, Integer> featuredCounts(Period period) {
        return store.featuredCountsByDay(period.from(), period.until());
    }

    /** Papers published on a day (the "New" firehose), optionally in one arXiv category. */
    public DayListing published(LocalDate day, Optional<String> category, int page, int pageSize) {
        int total = store.countPublished(day, category);
        List<PaperEntry> items = store.published(day, category, page * pageSize, pageSize);
        return new DayListing(day, new Page<>(items, page, pageSize, total),
                store.publishedDayBefore(day, category), store.publishedDayAfter(day, category));
    }

    public Optional<LocalDate> latestPublishedDay(Optional<String> category) {
        return store.latestPublishedDay(category);
    }

    public Page<PaperEntry> byAuthor(String name, int page, int pageSize) {
        return new Page<>(store.byAuthor(name, page * pageSize, pageSize), page, pageSize, store.countByAuthor(name));
    }

    public Page<PaperEntry> inCategory(String category, int page, int pageSize) {
        return new Page<>(store.inCategory(category, page * pageSize, pageSize), page, pageSize,
                store.countInCategory(category));
    }

    /** Any selection of featured papers, paged, without counting them. */
    public Slice<PaperEntry> featuredSlice(FeaturedQuery query, int page, int pageSize) {
        return Slice.of(store.featured(query, page * pageSize, pageSize + 1), pageSize);
    }

    /** Papers published on a day, optionally in one category, paged, without counting them. */
    public Slice<PaperEntry> publishedSlice(LocalDate day, Optional<String> category, int page, int pageSize) {
        return Slice.of(store.published(day, category, page * pageSize, pageSize + 1), pageSize);
    }

    public Slice<PaperEntry> byAuthorSlice(String name, int page, int pageSize) {
        return Slice.of(store.byAuthor(name, page * pageSize, pageSize + 1), pageSize);
    }

    public Slice<PaperEntry> inCategorySlice(String category, int page, int pageSize) {
        return Slice.of(store.inCategory(category, page * pageSize, pageSize + 1), pageSize);
    }

    /** Any selection of featured papers, paged. */
    public Page<PaperEntry> featured(FeaturedQuery query, int page, int pageSize) {
        return new Page<>(store.featured(query, page * pageSize, pageSize), page, pageSize, store.countFeatured(query));
    }

    /**
     * The papers that compete for trending: those featured in the last {@link TrendingScore#WINDOW_DAYS} days, that
     * is from the first of those days on (none is featured after the newest featured day).
     */
    public Optional<FeaturedQuery> trendingWindow() {
        return store.latestFeaturedDay().map(latest -> new FeaturedQuery(
                latest.minusDays(TrendingScore.WINDOW_DAYS - 1), FeaturedQuery.END, Optional.empty(),
                FeaturedQuery.Order.TRENDING));
    }

    public Page<Trending> trending(int page, int pageSize) {
        return trendingWindow().map(window -> trending(window, page, pageSize))
                .orElseGet(() -> new Page<>(List.of(), page, pageSize, 0));
    }

    /**
     * A page of a selection ranked by {@link TrendingScore}, highest first, equal scores to the newer arXiv id. The
     * score is kept on each featured row, so this reads the page's rows from an index in score order; the score
     * shown is worked out again from the row, which is what the stored one was computed from.
     */
    public Page<Trending> trending(FeaturedQuery candidates, int page, int pageSize) {
        Page<PaperEntry> entries = featured(ranked(candidates), page, pageSize);
        List<Trending> items = entries.items().stream().map(entry -> new Trending(entry,
                TrendingScore.score(entry.upvotes(), entry.featuring().orElseThrow().at()))).toList();
        return new Page<>(items, entries.number(), entries.size(), entries.total());
    }

    /** Every paper of a selection, ranked as {@link #trending(FeaturedQuery, int, int)} ranks them, for digests. */
    public List<ArxivId> rankTrending(FeaturedQuery candidates) {
        return store.featuredIds(ranked(candidates));
    }

    private static FeaturedQuery ranked(FeaturedQuery candidates) {
        return new FeaturedQuery(candidates.from(), candidates.until(), candidates.submitter(),
                FeaturedQuery.Order.TRENDING);
    }

    /** A page of a period's featured papers and the nearest periods before and after that have any. */
    public record Listing(Period period, Page<PaperEntry> page, Optional<Period> previous, Optional<Period> next) {
    }

    /** A page of one publication day and the nearest days before and after that have papers. */
    public record DayListing(LocalDate day, Page<PaperEntry> page, Optional<LocalDate> previous,
            Optional<LocalDate> next) {
    }

    /** A paper with its trending score. */
    public record Trending(PaperEntry entry, double score) {
    }
}
