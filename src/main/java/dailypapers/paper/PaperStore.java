package dailypapers.paper;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Where papers and their community data are kept. Every listing method orders its rows completely (ties broken
 * by id) so paging never repeats or skips a paper.
 *
 * <p><b>Upvotes.</b> The upvotes a paper shows are its upstream upvotes (the count an import or Hugging Face last
 * gave) plus the votes of this instance's members, one per member. The store derives them from those rows,
 * never by adding and subtracting: every write that changes the upstream count or a vote recounts the paper's
 * votes in the same transaction and sets the shown count on the paper and on its featured row alike, and marks
 * the paper as written (the search index's sync picks it up, so sorting by upvotes never goes stale). A record
 * that does not say its upvotes leaves the upstream count as it was.
 *
 * <p><b>Trending.</b> Each featured row keeps its trending score (feed.TrendingScore of its upvotes and the instant
 * it was featured), written in the same statement or transaction as either changes, so ranking by it
 * ({@link FeaturedQuery.Order#TRENDING}) reads an index and never the clock.
 *
 * <p>Writes run in a transaction of their own, or in the caller's when the store was handed out by
 * {@link Transactions}.
 */
public interface PaperStore {

    /** Inserts new papers, updates changed ones, leaves identical ones alone; all in one transaction. */
    default UpsertCounts upsert(List<PaperRecord> records) {
        return upsert(records, Merge.REPLACE);
    }

    /**
     * As {@link #upsert(List)}, but each record whose paper is already stored is first merged with it. The stored
     * papers are read inside the upsert's transaction, after it has taken the write lock, so no other upsert can
     * change them between the read and the write.
     */
    UpsertCounts upsert(List<PaperRecord> records, Merge merge);

    /** How an incoming record combines with the paper already stored under its id. */
    @FunctionalInterface
    interface Merge {

        /** The incoming record as it is. */
        Merge REPLACE = (incoming, stored) -> incoming;

        PaperRecord merge(PaperRecord incoming, Paper stored);
    }

    /**
     * Records {@code voter}'s vote for a paper and recounts its upvotes. False when nothing changed: the voter had
     * voted for it already, or there is no such paper.
     */
    boolean addVote(ArxivId paper, String voter);

    /** Withdraws {@code voter}'s vote and recounts the paper's upvotes; false when there was no such vote. */
    boolean removeVote(ArxivId paper, String voter);

    /**
     * A number that changes in the same transaction as every write to what the listings show (papers, featured
     * rows, votes). Equal numbers mean nothing has changed in between; it says nothing about what changed.
     */
    long dataVersion();

    Optional<PaperEntry> find(ArxivId id);

    /** The entries of these papers in the order given; ids of papers not stored are left out. */
    List<PaperEntry> find(List<ArxivId> ids);

    List<PaperEntry> featured(FeaturedQuery query, int offset, int limit);

    int countFeatured(FeaturedQuery query);

    /** The ids of every paper the query selects, in its order: a narrow read for ranking a whole selection. */
    List<ArxivId> featuredIds(FeaturedQuery query);

    /** The nearest day before (or after) {@code day} with any featured paper. */
    Optional<LocalDate> featuredDayBefore(LocalDate day);

    Optional<LocalDate> featuredDayAfter(LocalDate day);

    Optional<LocalDate> latestFeaturedDay();

    /** How many papers were featured on each day from {@code from} until (excluding) {@code until} that has any. */
    SortedMap<LocalDate, Integer> featuredCountsByDay(LocalDate from, LocalDate until);

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

    /**
     * Stored papers with an id after {@code after} (from the first when empty), in id order, at most {@code limit}:
     * each as the record an import would write it from, with its upstream upvotes and comments (members' votes and
     * comments here are not in them) and its featured day. Hidden papers are included. For an export, page by page.
     */
    List<PaperRecord> records(Optional<ArxivId> after, int limit);

    /** The titles of these papers by id, hidden ones included; ids of papers not stored are left out. */
    Map<ArxivId, String> titles(Collection<ArxivId> ids);

    /** Counts for the status of an instance: all papers, and those featured; kept as rows change, not counted. */
    StoreCounts counts();

    record StoreCounts(long papers, long featured) {
    }
}
