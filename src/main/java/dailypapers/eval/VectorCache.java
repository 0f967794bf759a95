package dailypapers.eval;

import dailypapers.embedding.Encoder;
import dailypapers.search.EmbeddingText;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A collection's passage vectors on disk, one file per model name, keyed by the hash of the embedded text
 * ({@link EmbeddingText#hash}), so an evaluation re-run with other ranking settings embeds nothing. Misses are
 * embedded on several threads, one model call each at a time, and appended as they finish: a run stopped half way
 * keeps what it embedded, and a record a crash cut short is dropped at the next read.
 */
public final class VectorCache {

    /** Texts per model call and per append. */
    private static final int CHUNK = 16;
    private static final int HASH_BYTES = 16;

    private final Path file;
    private final int dimension;

    /** The cache of {@code encoder}'s vectors in {@code folder}. */
    public VectorCache(Path folder, Encoder encoder) {
        this.file = folder.resolve(encoder.model().replaceAll("[^A-Za-z0-9.-]", "_") + ".vectors");
        this.dimension = encoder.dimension();
    }

    public Path file() {
        return file;
    }

    /** Hears how many of the texts the file lacked have been embedded so far, of how many. */
    @FunctionalInterface
    public interface Progress {
        void embedded(int done, int missing);
    }

    /**
     * The vector of each text, in order: from the file when it has the text's hash, else embedded on
     * {@code threads} threads and added to the file. One process at a time may use a cache file.
     */
    public List<float[]> vectors(Encoder encoder, List<String> texts, int threads, Progress progress)
            throws IOException {
        Map<String, float[]> known = read();
        List<String> hashes = texts.stream().map(EmbeddingText::hash).toList();
        // By hash, each text once: the hash is what the file stores, so it is taken once per text.
        Map<String, String> missing = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!known.containsKey(hashes.get(i))) {
                missing.putIfAbsent(hashes.get(i), texts.get(i));
            }
        }
        if (!missing.isEmpty()) {
            embed(encoder, List.copyOf(missing.entrySet()), threads, progress, known);
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String hash : hashes) {
            vectors.add(known.get(hash));
        }
        return vectors;
    }

    private void embed(Encoder encoder, List<Map.Entry<String, String>> missing, int threads, Progress progress,
            Map<String, float[]> known) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND); ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    // A worker that fails sets next past the end, so the others stop after their chunk.
                    try {
                        for (int start = next.getAndAdd(CHUNK); start < missing.size();
                                start = next.getAndAdd(CHUNK)) {
                            List<Map.Entry<String, String>> chunk = missing.subList(start,
                                    Math.min(missing.size(), start + CHUNK));
                            List<float[]> vectors = encoder.encodePassages(chunk.stream().map(Map.Entry::getValue)
                                    .toList());
                            ByteBuffer records = ByteBuffer.allocate(chunk.size() * recordBytes());
                            for (int i = 0; i < chunk.size(); i++) {
                                records.put(HexFormat.of().parseHex(chunk.get(i).getKey()));
                                records.asFloatBuffer().put(vectors.get(i));
                                records.position(records.position() + 4 * dimension);
                            }
                            records.flip();
                            // One write per chunk, whole records only, under the lock: appends never interleave.
                            synchronized (out) {
                                while (records.hasRemaining()) {
                                    out.write(records);
                                }
                            }
                            for (int i = 0; i < chunk.size(); i++) {
                                known.put(chunk.get(i).getKey(), vectors.get(i));
                            }
                            int count = done.addAndGet(chunk.size());
                            synchronized (progress) {
                                progress.embedded(count, missing.size());
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        next.set(missing.size());
                        throw e;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while embedding", e);
                }
            }
        }
    }

    private int recordBytes() {
        return HASH_BYTES + 4 * dimension;
    }

    /** The file's whole records; a partial last one (a run killed mid-write) is cut off so appends stay aligned. */
    private Map<String, float[]> read() throws IOException {
        Map<String, float[]> vectors = new ConcurrentHashMap<>();
        if (!Files.isRegularFile(file)) {
            return vectors;
        }
        long records = Files.size(file) / recordBytes();
        if (Files.size(file) % recordBytes() != 0) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(records * recordBytes());
            }
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] hash = new byte[HASH_BYTES];
            for (long r = 0; r < records; r++) {
                in.readFully(hash);
                float[] vector = new float[dimension];
                for (int i = 0; i < dimension; i++) {
                    vector[i] = in.readFloat();
                }
                vectors.put(HexFormat.of().formatHex(hash), vector);
            }
        }
        return vectors;
    }
}
