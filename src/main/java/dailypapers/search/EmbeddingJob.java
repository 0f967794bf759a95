package dailypapers.search;

import dailypapers.embedding.Encoder;
import dailypapers.paper.ArxivId;
import dailypapers.search.VectorStore.PaperText;
import dailypapers.search.VectorStore.StoredVector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds the papers that have no vector from the configured model yet, newest first, a batch at a time: each
 * batch's vectors are stored in one transaction and then indexed. It keeps no state of its own,
 * so it resumes after a crash or a restart by simply finding the papers still lacking a vector.
 */
public final class EmbeddingJob {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingJob.class);

    /** Papers per transaction; the encoder decides how to batch inside (on 2 cores, one at a time is fastest). */
    public static final int DEFAULT_BATCH_SIZE = 32;

    private final VectorStore vectors;
    private final Encoder encoder;
    private final SearchIndexer indexer;
    private final int batchSize;
    private final AtomicBoolean stopping = new AtomicBoolean();

    public EmbeddingJob(VectorStore vectors, Encoder encoder, SearchIndexer indexer, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.vectors = vectors;
        this.encoder = encoder;
        this.indexer = indexer;
        this.batchSize = batchSize;
    }

    /** What one run did. */
    public record Summary(long embedded, long remaining, Duration elapsed) {
    }

    /** Embeds papers lacking a vector until none is left, {@code maxPapers} are done, or {@link #stop()}. */
    public Summary run(long maxPapers) {
        long started = System.nanoTime();
        String model = encoder.model();
        long done = 0;
        Optional<ArxivId> before = Optional.empty();
        while (!stopping.get() && done < maxPapers) {
            List<PaperText> batch = vectors.missing(model, before, (int) Math.min(batchSize, maxPapers - done));
            if (batch.isEmpty()) {
                break;
            }
            List<String> texts = batch.stream().map(p -> EmbeddingText.of(p.title(), p.abstractText())).toList();
            List<float[]> encoded = encoder.encodePassages(texts);
            if (encoded.size() != texts.size()) {
                throw new IllegalStateException("encoder " + model + " returned " + encoded.size()
                        + " vectors for " + texts.size() + " texts");
            }
            List<StoredVector> stored = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                stored.add(new StoredVector(batch.get(i).id(), encoded.get(i), EmbeddingText.hash(texts.get(i)),
                        null));
            }
            vectors.save(model, stored);
            List<ArxivId> ids = batch.stream().map(PaperText::id).toList();
            indexer.update(ids);
            done += batch.size();
            before = Optional.of(batch.getLast().id());
        }
        if (done > 0) {
            indexer.refresh();
        }
        Summary summary = new Summary(done, vectors.countMissing(model), Duration.ofNanos(System.nanoTime() - started));
        if (done > 0) {
            log.info("embedded {} papers with {} in {} s; {} still without a vector", done, model,
                    summary.elapsed().toSeconds(), summary.remaining());
        }
        return summary;
    }

    /** Asks a running {@link #run} to stop after its current batch. */
    public void stop() {
        stopping.set(true);
    }
}
