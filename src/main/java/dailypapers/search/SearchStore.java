package dailypapers.search;

import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperEntry;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What search reads from the database: papers to index and to show, and which ones changed. */
public interface SearchStore {

    /**
     * The papers with these ids that anyone may see, in no particular order, for search hits: unknown ids and papers
     * a moderator hid are left out.
     */
    List<PaperEntry> find(Collection<ArxivId> ids);

    /**
     * The papers with these ids that anyone may see, each with the time its row was written, for indexing. A paper
     * left out (removed, or hidden by a moderator) is one the index must not hold: the sync removes it.
     */
    List<StoredPaper> load(Collection<ArxivId> ids);

    /**
     * Up to {@code limit} papers anyone may see with an id after {@code after}, in id order: a full scan for
     * rebuilding.
     */
    List<StoredPaper> scan(Optional<ArxivId> after, int limit);

    /**
     * Up to {@code limit} papers written at or after {@code since} with an id after {@code after}, in id order,
     * each with the time it was written.
     */
    List<Change> changedSince(Instant since, Optional<ArxivId> after, int limit);

    /**
     * Up to {@code limit} papers removed from the database at or after {@code since} with an id after
     * {@code after}, in id order, each with the time it was removed.
     */
    List<Change> removedSince(Instant since, Optional<ArxivId> after, int limit);

    /** All papers, from a count kept as rows are written, not counted per call. */
    long countPapers();

    /**
     * A paper or vector row and when it was last written, as the database stored it (ISO-8601 text); the index
     * keeps it to tell which of its documents are out of date.
     */
    record Change(ArxivId id, String writtenAt) {
    }

    /** A paper and when its row was last written. */
    record StoredPaper(PaperEntry entry, String writtenAt) {
    }
}
