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
 */
public final class PaperImporter {

    public static final int BATCH_SIZE = 1_000;
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
        UpsertCounts counts = UpsertCounts.NONE;
        long read = 0;
        long rejected = 0;
        long warnings = 0;
        long lastProgress = started;
        String name = file.toString();
        try (CountingInputStream counting = new CountingInputStream(Files.newInputStream(file));
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
                    counts = counts.plus(store(batch));
                    batch.clear();
                }
                long now = System.nanoTime();
                if (now - lastProgress >= PROGRESS_EVERY_NANOS) {
                    lastProgress = now;
                    listener.progress(new ImportListener.Progress(name, counting.count(), totalBytes, read, rejected,
                            now - started));
                }
            }
            counts = counts.plus(store(batch));
            listener.progress(new ImportListener.Progress(name, totalBytes, totalBytes, read, rejected,
                    System.nanoTime() - started));
        }
        return new ImportSummary(read, counts.inserted(), counts.updated(), counts.unchanged(), rejected, kept,
                warnings, keptWarnings, Duration.ofNanos(System.nanoTime() - started));
    }

    private UpsertCounts store(List<PaperRecord> batch) {
        if (batch.isEmpty()) {
            return UpsertCounts.NONE;
        }
        UpsertCounts counts = store.upsert(batch);
        // A batch the store left as it was has nothing new to index; re-imports are mostly such batches.
        if (counts.inserted() + counts.updated() > 0) {
            stored.accept(batch.stream().map(r -> r.paper().id()).distinct().toList());
        }
        return counts;
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
