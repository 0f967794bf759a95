package dailypapers.paper;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where papers and their community data are kept. Every listing method orders its rows completely (ties broken
 * by id) so paging never repeats or skips a paper.
 */
public interface PaperStore {

    /** Inserts new papers, updates changed ones, leaves identical ones alone; all in one transaction. */
    UpsertCounts upsert(List<PaperRecord> records);

    Optional<PaperEntry> find(ArxivId id);

    /** The entries of these papers in the order given; ids of papers not stored are left out. */
    List<PaperEntry> find(List<ArxivId> ids);

    List<PaperEntry> featured(FeaturedQuery query, int offset, int limit);

    int countFeatured(FeaturedQuery query);

    /** Every paper the query selects as a narrow row, in no particular order, for ranking them all in memory. */
    List<FeaturedVotes> featuredVotes(FeaturedQuery query);

    /** The nearest day before (or after) {@code day} with any featured paper. */
    Optional<LocalDate> featuredDayBefore(LocalDate day);

    Optional<LocalDate> featuredDayAfter(LocalDate day);

    Optional<LocalDate> latestFeaturedDay();

    /** Papers published on {@code day}, optionally only those listed in {@code category}; newest id first. */
    List<PaperEntry> published(LocalDate day, Optional<String> category, int offset, int limit);

    int countPublished(LocalDate day, Optional<String> category);

    Optional<LocalDate> publishedDayBefore(LocalDate day, Optional<String> category);

    Optional<LocalDate> publishedDayAfter(LocalDate day, Optional<String> category);

    Optional<LocalDate> latestPublishedDay(Optional<String> category);

    /** Papers with an author of exactly this name, newest first. */
    List<PaperEntry> byAuthor(String name, int offset, int limit);

    int countByAuthor(String name);

    /** Papers listed in a category (primary or cross-list), newest first. */
    List<PaperEntry> inCategory(String category, int offset, int limit);

    int countInCategory(String category);

    /** Counts for the status of an instance: all papers, and those featured. */
    StoreCounts counts();

    record StoreCounts(long papers, long featured) {
    }
}
