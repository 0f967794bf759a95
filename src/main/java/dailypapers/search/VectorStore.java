package dailypapers.search;

import dailypapers.paper.ArxivId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Paper embeddings kept in the database, tagged with the model that made them, so the index can be rebuilt
 * without running the model again and a model change means recomputing.
 */
public interface VectorStore {

    /**
     * Up to {@code limit} papers without a vector from {@code model}, newest id first, starting below
     * {@code before} when given (so one run walks the table once).
     */
    List<PaperText> missing(String model, Optional<ArxivId> before, int limit);

    /**
     * How many papers have no vector from {@code model}: all papers less those with one. Like {@link #count}, read
     * from counts kept as rows are written, not counted per call.
     */
    long countMissing(String model);

    long count(String model);

    /** Stores vectors, replacing any the same papers had from the same model. */
    void save(String model, List<StoredVector> vectors);

    Map<ArxivId, StoredVector> find(Collection<ArxivId> ids, String model);

    Optional<StoredVector> find(ArxivId id, String model);

    /** Papers whose vector from {@code model} was written at or after {@code since}, id after {@code after}. */
    List<SearchStore.Change> changedSince(String model, Instant since, Optional<ArxivId> after, int limit);

    void delete(ArxivId id, String model);

    /** The text a paper's vector is made from. */
    record PaperText(ArxivId id, String title, String abstractText) {
    }

    /**
     * A paper's vector and a fingerprint of the text it was made from, so a vector outlived by a new abstract
     * can be told apart.
     */
    record StoredVector(ArxivId id, float[] vector, String textHash, String writtenAt) {
    }
}
