package dailypapers.search;

import dailypapers.paper.ArxivId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills and refreshes the stored lists of similar papers in the background, so that a paper page finds its list
 * ready: each run walks every paper in id order, a batch at a time, and computes the lists missing or out of date
 * ({@link SimilarPapers}). It keeps no state of its own: a run cut short leaves the rest to the next.
 */
public final class SimilarJob {

    private static final Logger log = LoggerFactory.getLogger(SimilarJob.class);

    /** Papers looked at per batch; their new lists are stored in one transaction. */
    static final int BATCH_SIZE = 500;

    private final SimilarPapers similar;
    private final SearchIndexer indexer;
    private final AtomicBoolean stopping = new AtomicBoolean();

    public SimilarJob(SimilarPapers similar, SearchIndexer indexer) {
        this.similar = similar;
        this.indexer = indexer;
    }

    /**
     * What one run did: papers looked at, lists computed, lists stored (the rest were found while the index was
     * catching up with their paper), and lists found current though their paper's row was written again.
     */
    public record Summary(long examined, long computed, long stored, long unchanged, Duration elapsed) {

        static final Summary NONE = new Summary(0, 0, 0, 0, Duration.ZERO);
    }

    /**
     * Brings every paper's list up to date, until done or {@link #stop()}; does nothing while the index is being
     * built or has not caught up with the database once, since lists found in it then would be kept.
     */
    public Summary run() {
        if (indexer.isBuilding() || !indexer.isCurrent()) {
            return Summary.NONE;
        }
        long started = System.nanoTime();
        long examined = 0;
        long computed = 0;
        long stored = 0;
        long unchanged = 0;
        Optional<ArxivId> after = Optional.empty();
        while (!stopping.get()) {
            SimilarPapers.Batch batch = similar.refresh(after, BATCH_SIZE);
            if (batch.last().isEmpty()) {
                break;
            }
            examined += batch.examined();
            computed += batch.computed();
            stored += batch.stored();
            unchanged += batch.unchanged();
            after = batch.last();
        }
        Summary summary = new Summary(examined, computed, stored, unchanged,
                Duration.ofNanos(System.nanoTime() - started));
        if (computed > 0) {
            log.info("similar papers: {} lists computed ({} stored) of {} papers in {} ms", computed, stored,
                    examined, summary.elapsed().toMillis());
        }
        return summary;
    }

    /** Asks a running {@link #run} to stop after its current batch. */
    public void stop() {
        stopping.set(true);
    }
}
