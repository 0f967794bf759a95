package dailypapers.ingest;

import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperRecord;
import dailypapers.paper.PaperStore;
import dailypapers.paper.UpsertCounts;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Streams JSON-lines files (plain or gzip, detected by content) into the store in batches, with constant memory.
 * A bad line is reported with file:line and skipped; it never stops the import or costs a good record. A bad
 * optional field (a URL that is not one) is dropped with a warning naming file:line, and its record kept. After each
 * batch is stored, the ids of its records go to a listener (the search indexer).
 *
 * <p>Reading and parsing (on the calling thread, which also tells the listener everything), storing and indexing
 * run at once, each on its own thread with a {@link Stage} queue of {@link #QUEUED_BATCHES} batches between them:
 * indexing is most of an import's work, and it need not wait for the next batch to be parsed and stored. A batch
 * is indexed only once its transaction has committed, so the index never holds what the database may not.
 */
public final class PaperImporter {

    public static final int BATCH_SIZE = 1_000;
    /** Batches waiting between two stages; more buys nothing once each stage has the next one ready. */
    static final int QUEUED_BATCHES = 2;
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;

    private final PaperStore store;
    private final Consumer<List<ArxivId>> stored;

    public PaperImporter(PaperStore store) {
        this(store, ids -> {
        });
    }

    /** @param stored told the ids of each batch's records once a batch that changed anything is committed */
    public PaperImporter(PaperStore store, Consumer<List<ArxivId>> stored) {
        this.store = store;
        this.stored = stored;
    }

    public ImportSummary importFile(Path file, ImportListener listener) throws IOException {
        long started = System.nanoTime();
        long totalBytes = Files.size(file);
        RecordParser parser = new RecordParser("import:" + file.getFileName());
        List<PaperRecord> batch = new ArrayList<>(BATCH_SIZE);
        List<Rejection> kept = new ArrayList<>();
        List<ImportWarning> keptWarnings = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        long read = 0;
        long rejected = 0;
        long warnings = 0;
        long lastProgress = started;
        String name = file.toString();
        Storing storing = new Storing();
        try (Stage<List<ArxivId>> indexing = new Stage<>("import-index", QUEUED_BATCHES, stored);
                Stage<List<PaperRecord>> storage = new Stage<>("import-store", QUEUED_BATCHES,
                        records -> storing.store(records, indexing));
                CountingInputStream counting = new CountingInputStream(Files.newInputStream(file));
                BufferedReader reader = new BufferedReader(new InputStreamReader(decompressed(counting),
                        StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                read++;
                dropped.clear();
                try {
                    batch.add(parser.parse(line, dropped));
                    for (String reason : dropped) {
                        warnings++;
                        ImportWarning warning = new ImportWarning(name, lineNumber, reason);
                        if (keptWarnings.size() < ImportSummary.KEPT_REJECTIONS) {
                            keptWarnings.add(warning);
                        }
                        listener.warned(warning);
                    }
                } catch (RejectedRecord e) {
                    rejected++;
                    Rejection rejection = new Rejection(name, lineNumber, e.getMessage());
                    if (kept.size() < ImportSummary.KEPT_REJECTIONS) {
                        kept.add(rejection);
                    }
                    listener.rejected(rejection);
                }
                if (batch.size() == BATCH_SIZE) {
                    storage.submit(batch);
                    batch = new ArrayList<>(BATCH_SIZE);
                }
                long now = System.nanoTime();
                if (now - lastProgress >= PROGRESS_EVERY_NANOS) {
                    lastProgress = now;
                    listener.progress(new ImportListener.Progress(name, counting.count(), totalBytes, read, rejected,
                            now - started));
                }
            }
            if (!batch.isEmpty()) {
                storage.submit(batch);
            }
            // Storing first: it hands the indexing its last batch before it ends.
            storage.finish();
            indexing.finish();
            listener.progress(new ImportListener.Progress(name, totalBytes, totalBytes, read, rejected,
                    System.nanoTime() - started));
        }
        UpsertCounts counts = storing.counts;
        return new ImportSummary(read, counts.inserted(), counts.updated(), counts.unchanged(), rejected, kept,
                warnings, keptWarnings, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The storing stage's work; its counts are read once the stage has finished. */
    private final class Storing {

        private UpsertCounts counts = UpsertCounts.NONE;

        void store(List<PaperRecord> batch, Stage<List<ArxivId>> indexing) {
            UpsertCounts done = store.upsert(batch);
            counts = counts.plus(done);
            // A batch the store left as it was has nothing new to index; re-imports are mostly such batches.
            if (done.inserted() + done.updated() > 0) {
                indexing.submit(batch.stream().map(r -> r.paper().id()).distinct().toList());
            }
        }
    }

    private static InputStream decompressed(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        boolean gzip = first == 0x1f && second == 0x8b;
        return gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    /** Counts the bytes read from the file itself, so progress is exact for compressed files too. */
    private static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
