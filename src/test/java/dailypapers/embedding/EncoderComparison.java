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
    /** Passages timed at batch 1 and 8; the first ones of the corpus, so every model sees the same texts. */
    private static final int SPEED_SAMPLE = 200;
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

            List<String> sample = passages.subList(0, Math.min(SPEED_SAMPLE, passages.size()));
            System.out.printf(Locale.ROOT, "%s: batch 1 %.1f passages/s%n", model.id(), passagesPerSecond(encoder,
                    sample));
            System.out.printf(Locale.ROOT, "%s: query p50 %.2f ms, p95 %.2f ms (1 thread)%n", model.id(),
                    queryMillis(encoder, queries, 0.50), queryMillis(encoder, queries, 0.95));
        }
        try (Encoder batched = new OnnxEncoder(model, 1, 8)) {
            List<String> sample = passages.subList(0, Math.min(SPEED_SAMPLE, passages.size()));
            System.out.printf(Locale.ROOT, "%s: batch 8 %.1f passages/s%n", model.id(), passagesPerSecond(batched,
                    sample));
        }
        try (Encoder twoThreads = new OnnxEncoder(model, 2)) {
            List<String> sample = passages.subList(0, Math.min(SPEED_SAMPLE, passages.size()));
            System.out.printf(Locale.ROOT, "%s: batch 1 on 2 threads %.1f passages/s; query p50 %.2f ms%n",
                    model.id(), passagesPerSecond(twoThreads, sample), queryMillis(twoThreads, queries, 0.50));
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

    private static double passagesPerSecond(Encoder encoder, List<String> sample) {
        encoder.encodePassages(sample.subList(0, Math.min(WARM_UP, sample.size())));
        long start = System.nanoTime();
        encoder.encodePassages(sample);
        return sample.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** The given quantile of single-query encode times, after a warm-up. */
    private static double queryMillis(Encoder encoder, List<String> queries, double quantile) {
        queries.subList(0, Math.min(WARM_UP, queries.size())).forEach(encoder::encodeQuery);
        List<String> sample = queries.subList(0, Math.min(QUERY_SAMPLE, queries.size()));
        long[] nanos = new long[sample.size()];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            encoder.encodeQuery(sample.get(i));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[(int) Math.min(nanos.length - 1, Math.floor(quantile * nanos.length))] / 1e6;
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
