package dailypapers.embedding;

import dailypapers.eval.BeirDataset;
import dailypapers.eval.BeirDocument;
import dailypapers.eval.DenseRetriever;
import dailypapers.eval.Evaluation;
import dailypapers.eval.EvaluationResult;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The experiment behind the default model (docs/search.md, "Embedding model"): for each model, dense exact-cosine
 * retrieval quality on a BEIR dataset and encoding speed on this machine. Corpus vectors are cached under
 * {@code target/embedding-cache} because embedding SciFact takes minutes per model. Run by hand, not by the tests:
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/classpath.txt) dailypapers.embedding.EncoderComparison \
 *     [dataset folder, default ../shared/eval/scifact-train] [model ids, default all]
 * </pre>
 */
public final class EncoderComparison {

    private static final Path CACHE = Path.of("target", "embedding-cache");
    /** Passages and queries timed; the first ones of the dataset, so every model sees the same texts. */
    private static final int SPEED_SAMPLE = 200;
    private static final int SPEED_PASSES = 3;
    private static final int QUERY_SAMPLE = 200;
    private static final int WARM_UP = 20;

    private EncoderComparison() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/eval/scifact-train");
        List<EncoderModel> models = args.length > 1
                ? Arrays.stream(args, 1, args.length).map(EncoderComparison::model).toList()
                : List.of(EncoderModel.values());
        BeirDataset dataset = BeirDataset.load(folder);
        System.out.printf("%s, split %s: %,d documents, %,d judged queries%n", folder, dataset.split(),
                dataset.corpus().size(), dataset.qrels().size());
        for (EncoderModel model : models) {
            System.out.println("load average " + loadAverage());
            compare(model, dataset, folder.getFileName().toString());
        }
        System.out.println("load average " + loadAverage());
    }

    /** Other processes skew the speeds; the numbers are only comparable at a similar load. */
    private static String loadAverage() throws IOException {
        Path file = Path.of("/proc/loadavg");
        return Files.isReadable(file) ? Files.readString(file).strip() : "unknown";
    }

    private static void compare(EncoderModel model, BeirDataset dataset, String datasetName) throws IOException {
        List<String> ids = dataset.corpus().stream().map(BeirDocument::id).toList();
        List<String> passages = dataset.corpus().stream().map(BeirDocument::titleAndText).toList();
        List<String> queries = List.copyOf(dataset.queries().values());
        try (Encoder encoder = new OnnxEncoder(model, 1)) {
            Path cache = CACHE.resolve(
                    datasetName + "-" + dataset.split() + "-" + encoder.model().replace('/', '-') + ".vectors");
            List<float[]> vectors = readCache(cache, ids, encoder.dimension());
            if (vectors == null) {
                long start = System.nanoTime();
                vectors = encodeWithProgress(encoder, passages);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%s: embedded %,d passages in %.0f s, %.1f passages/s (batch 1, "
                        + "1 thread)%n", model.id(), passages.size(), seconds, passages.size() / seconds);
                writeCache(cache, ids, vectors);
            }
            EvaluationResult quality = Evaluation.evaluate(dataset, new DenseRetriever(encoder, ids, vectors));
            System.out.printf("%s: %s%n", model.id(), quality);
        }
        measureSpeed(model, passages.subList(0, Math.min(SPEED_SAMPLE, passages.size())),
                queries.subList(0, Math.min(QUERY_SAMPLE, queries.size())));
    }

    /**
     * Times batch 1 against batch 8 and one thread against two in turns, pass after pass and query after query, so
     * that load from other processes falls on all settings alike; each setting reports its best pass.
     */
    private static void measureSpeed(EncoderModel model, List<String> passages, List<String> queries) {
        try (Encoder single = new OnnxEncoder(model, 1, 1);
                Encoder batched = new OnnxEncoder(model, 1, 8);
                Encoder twoThreads = new OnnxEncoder(model, 2, 1)) {
            List<Encoder> encoders = List.of(single, batched, twoThreads);
            List<String> labels = List.of("batch 1, 1 thread", "batch 8, 1 thread", "batch 1, 2 threads");
            for (Encoder encoder : encoders) {
                encoder.encodePassages(passages.subList(0, Math.min(WARM_UP, passages.size())));
                queries.subList(0, Math.min(WARM_UP, queries.size())).forEach(encoder::encodeQuery);
            }
            double[] best = new double[encoders.size()];
            for (int pass = 0; pass < SPEED_PASSES; pass++) {
                for (int i = 0; i < encoders.size(); i++) {
                    long start = System.nanoTime();
                    encoders.get(i).encodePassages(passages);
                    best[i] = Math.max(best[i], passages.size() / ((System.nanoTime() - start) / 1e9));
                }
            }
            for (int i = 0; i < encoders.size(); i++) {
                System.out.printf(Locale.ROOT, "%s: %s: %.1f passages/s%n", model.id(), labels.get(i), best[i]);
            }
            long[][] nanos = new long[2][queries.size()];
            for (int q = 0; q < queries.size(); q++) {
                for (int setting = 0; setting < 2; setting++) {
                    Encoder encoder = setting == 0 ? single : twoThreads;
                    long start = System.nanoTime();
                    encoder.encodeQuery(queries.get(q));
                    nanos[setting][q] = System.nanoTime() - start;
                }
            }
            for (int setting = 0; setting < 2; setting++) {
                System.out.printf(Locale.ROOT, "%s: query on %d thread(s): p50 %.2f ms, p95 %.2f ms%n", model.id(),
                        setting + 1, quantileMillis(nanos[setting], 0.50), quantileMillis(nanos[setting], 0.95));
            }
        }
    }

    private static List<float[]> encodeWithProgress(Encoder encoder, List<String> passages) {
        List<float[]> vectors = new ArrayList<>(passages.size());
        int step = 500;
        for (int start = 0; start < passages.size(); start += step) {
            vectors.addAll(encoder.encodePassages(passages.subList(start, Math.min(passages.size(), start + step))));
            System.out.printf("  %,d of %,d%n", vectors.size(), passages.size());
        }
        return vectors;
    }

    private static double quantileMillis(long[] nanos, double quantile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }

    /** The cached vectors when they are for exactly these documents, else null. */
    private static List<float[]> readCache(Path file, List<String> ids, int dimension) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != ids.size() || in.readInt() != dimension) {
                return null;
            }
            List<float[]> vectors = new ArrayList<>(ids.size());
            for (String id : ids) {
                if (!in.readUTF().equals(id)) {
                    return null;
                }
                float[] vector = new float[dimension];
                for (int i = 0; i < dimension; i++) {
                    vector[i] = in.readFloat();
                }
                vectors.add(vector);
            }
            return vectors;
        }
    }

    private static void writeCache(Path file, List<String> ids, List<float[]> vectors) throws IOException {
        Files.createDirectories(file.getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(ids.size());
            out.writeInt(vectors.getFirst().length);
            for (int row = 0; row < ids.size(); row++) {
                out.writeUTF(ids.get(row));
                for (float value : vectors.get(row)) {
                    out.writeFloat(value);
                }
            }
        }
    }

    private static EncoderModel model(String id) {
        return Arrays.stream(EncoderModel.values()).filter(model -> model.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model " + id + "; known: "
                        + Arrays.stream(EncoderModel.values()).map(EncoderModel::id).toList()));
    }
}
