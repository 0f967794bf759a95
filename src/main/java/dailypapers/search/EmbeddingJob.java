package dailypapers.search;

import dailypapers.embedding.Encoder;
import dailypapers.paper.ArxivId;
import dailypapers.search.VectorStore.PaperText;
import dailypapers.search.VectorStore.StoredVector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds the papers that have no vector from the configured model yet, newest first, a batch at a time: each
 * batch is split over the worker threads, which share one model, its vectors are stored in one
 * transaction and then indexed. It keeps no state of its own in the database, so it resumes after a crash or a
 * restart by simply finding the papers still lacking a vector.
 */
public final class EmbeddingJob {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingJob.class);

    /** Papers per transaction for each worker thread. */
    public static final int BATCH_SIZE_PER_THREAD = 16;

    private final VectorStore vectors;
    private final Encoder encoder;
    private final SearchIndexer indexer;
    private final int threads;
    private final int batchSize;
    private final Clock clock;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicReference<Progress> progress;

    /**
     * @param threads texts encoded at once; the number of cores uses them all
     * @param batchSize papers per transaction, shared out over the threads
     */
    public EmbeddingJob(VectorStore vectors, Encoder encoder, SearchIndexer indexer, int threads, int batchSize,
            Clock clock) {
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threads and batch size must be positive, were " + threads + " and "
                    + batchSize);
        }
        this.vectors = vectors;
        this.encoder = encoder;
        this.indexer = indexer;
        this.threads = threads;
        this.batchSize = batchSize;
        this.clock = clock;
        this.progress = new AtomicReference<>(Progress.idle(encoder.model(), threads));
    }

    /** What one run did. */
    public record Summary(long embedded, long remaining, Duration elapsed) {
    }

    /**
     * Where the job stands: whether a run is going, what it has done since it started, and how many papers it
     * found without a vector when it started (for a rate and an estimate of the time left).
     */
    public record Progress(String model, int threads, boolean running, Optional<Instant> started, long embedded,
            long missingAtStart, Duration elapsed, Optional<Instant> lastFinished, long lastRunEmbedded) {

        static Progress idle(String model, int threads) {
            return new Progress(model, threads, false, Optional.empty(), 0, 0, Duration.ZERO, Optional.empty(), 0);
        }

        /** Papers per second in this run (or the last), 0 before the first batch. */
        public double papersPerSecond() {
            long millis = elapsed.toMillis();
            return millis == 0 ? 0 : embedded * 1000.0 / millis;
        }

        /** Share of the papers missing at the start that this run has embedded, 0 to 1. */
        public double fraction() {
            return missingAtStart == 0 ? 1 : Math.min(1, (double) embedded / missingAtStart);
        }

        /** Time left at the current rate, while a run is going and has a rate. */
        public Optional<Duration> remaining() {
            double rate = papersPerSecond();
            if (!running || rate <= 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofSeconds(Math.round(Math.max(0, missingAtStart - embedded) / rate)));
        }
    }

    public Progress progress() {
        return progress.get();
    }

    public String model() {
        return encoder.model();
    }

    /** Embeds papers lacking a vector until none is left, {@code maxPapers} are done, or {@link #stop()}. */
    public Summary run(long maxPapers) {
        return run(maxPapers, p -> { });
    }

    /** As {@link #run(long)}, telling {@code listener} after each stored batch. */
    public Summary run(long maxPapers, Consumer<Progress> listener) {
        long started = System.nanoTime();
        Instant startedAt = clock.instant();
        String model = encoder.model();
        long missing = vectors.countMissing(model);
        long missingAtStart = Math.min(maxPapers, missing);
        Progress previous = progress.get();
        progress.set(new Progress(model, threads, true, Optional.of(startedAt), 0, missingAtStart, Duration.ZERO,
                previous.lastFinished(), previous.lastRunEmbedded()));
        long done = 0;
        Optional<ArxivId> before = Optional.empty();
        // The server's job mostly finds nothing to do: then it starts no threads and asks the database nothing more.
        ExecutorService workers = threads == 1 || missing == 0 ? null : Workers.start("embedding-worker", threads);
        try {
            while (missing > 0 && !stopping.get() && done < maxPapers) {
                List<PaperText> batch = vectors.missing(model, before,
                        (int) Math.min(batchSize, maxPapers - done));
                if (batch.isEmpty()) {
                    break;
                }
                List<String> texts = batch.stream().map(p -> EmbeddingText.of(p.title(), p.abstractText())).toList();
                List<float[]> encoded = encode(workers, texts);
                List<StoredVector> stored = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    stored.add(new StoredVector(batch.get(i).id(), encoded.get(i), EmbeddingText.hash(texts.get(i)),
                            null));
                }
                vectors.save(model, stored);
                indexer.update(batch.stream().map(PaperText::id).toList());
                done += batch.size();
                before = Optional.of(batch.getLast().id());
                Progress now = new Progress(model, threads, true, Optional.of(startedAt), done, missingAtStart,
                        Duration.ofNanos(System.nanoTime() - started), previous.lastFinished(),
                        previous.lastRunEmbedded());
                progress.set(now);
                listener.accept(now);
            }
        } finally {
            if (workers != null) {
                Workers.finish(workers, "embedding workers");
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            progress.set(new Progress(model, threads, false, Optional.of(startedAt), done, missingAtStart, elapsed,
                    Optional.of(clock.instant()), done));
        }
        if (done > 0) {
            indexer.refresh();
        }
        Summary summary = new Summary(done, done == 0 ? missing : vectors.countMissing(model),
                Duration.ofNanos(System.nanoTime() - started));
        if (done > 0) {
            log.info("embedded {} papers with {} on {} threads in {} s; {} still without a vector", done, model,
                    threads, summary.elapsed().toSeconds(), summary.remaining());
        }
        return summary;
    }

    /** The texts' vectors in order, the texts shared out over the workers in contiguous slices. */
    private List<float[]> encode(ExecutorService workers, List<String> texts) {
        List<float[]> encoded;
        if (workers == null) {
            encoded = encoder.encodePassages(texts);
        } else {
            int slice = Math.ceilDiv(texts.size(), threads);
            List<List<String>> parts = new ArrayList<>();
            List<Future<List<float[]>>> running = new ArrayList<>();
            for (int from = 0; from < texts.size(); from += slice) {
                List<String> part = texts.subList(from, Math.min(texts.size(), from + slice));
                parts.add(part);
                running.add(workers.submit(() -> encoder.encodePassages(part)));
            }
            encoded = new ArrayList<>(texts.size());
            try {
                for (int i = 0; i < running.size(); i++) {
                    List<float[]> vectors = running.get(i).get();
                    if (vectors.size() != parts.get(i).size()) {
                        throw new IllegalStateException("encoder " + encoder.model() + " returned " + vectors.size()
                                + " vectors for " + parts.get(i).size() + " texts");
                    }
                    encoded.addAll(vectors);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while embedding", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                running.forEach(f -> f.cancel(false));
            }
        }
        if (encoded.size() != texts.size()) {
            throw new IllegalStateException("encoder " + encoder.model() + " returned " + encoded.size()
                    + " vectors for " + texts.size() + " texts");
        }
        return encoded;
    }

    /** Asks a running {@link #run} to stop after its current batch. */
    public void stop() {
        stopping.set(true);
    }
}
