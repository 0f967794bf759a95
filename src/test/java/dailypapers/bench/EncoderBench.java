package dailypapers.bench;

import dailypapers.embedding.Encoder;
import dailypapers.embedding.EncoderModel;
import dailypapers.embedding.OnnxEncoder;
import dailypapers.search.EmbeddingText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Embedding speed of each model variant search can run (int8 and float32 bge-small, texts cut at 256 or 512
 * tokens) on real arXiv papers, one thread each: papers per second, as the backfill embeds them, and the time to
 * embed a query. The variants take turns, pass after pass, so load from other processes falls on all alike; each
 * reports the median of its passes. Writes a markdown table.
 *
 * <p>Arguments: papers file (JSONL, optionally gzipped), papers per pass, passes, output file.
 */
public final class EncoderBench {

    private static final int QUERIES = 100;
    private static final long SEED = 12;

    private record Variant(EncoderModel model, int tokens) {
        String label() {
            return OnnxEncoder.name(model, tokens);
        }
    }

    private static final List<Variant> VARIANTS = List.of(new Variant(EncoderModel.BGE_SMALL_EN_V15_Q, 256),
            new Variant(EncoderModel.BGE_SMALL_EN_V15_Q, 512), new Variant(EncoderModel.BGE_SMALL_EN_V15, 256),
            new Variant(EncoderModel.BGE_SMALL_EN_V15, 512));

    private EncoderBench() {
    }

    public static void main(String[] args) throws Exception {
        RealPapers real = RealPapers.read(Path.of(args[0]));
        int perPass = Integer.parseInt(args[1]);
        int passes = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        List<String> texts = real.papers().stream().limit(perPass)
                .map(p -> EmbeddingText.of(p.title(), String.join(" ", p.sentences()))).toList();
        List<String> queries = BenchQueries.from(real, QUERIES, SEED);
        Map<Variant, Encoder> encoders = new LinkedHashMap<>();
        Map<Variant, List<Double>> rates = new LinkedHashMap<>();
        Map<Variant, List<Double>> queryMillis = new LinkedHashMap<>();
        try {
            for (Variant variant : VARIANTS) {
                Encoder encoder = new OnnxEncoder(variant.model(), variant.tokens(), 1);
                encoders.put(variant, encoder);
                encoder.encodePassages(texts.subList(0, Math.min(16, texts.size()))); // warm-up
                rates.put(variant, new ArrayList<>());
                queryMillis.put(variant, new ArrayList<>());
            }
            for (int pass = 0; pass < passes; pass++) {
                for (Variant variant : VARIANTS) {
                    Encoder encoder = encoders.get(variant);
                    long start = System.nanoTime();
                    encoder.encodePassages(texts);
                    rates.get(variant).add(texts.size() / ((System.nanoTime() - start) / 1e9));
                    for (String query : queries) {
                        long q = System.nanoTime();
                        encoder.encodeQuery(query);
                        queryMillis.get(variant).add((System.nanoTime() - q) / 1e6);
                    }
                    System.err.printf(Locale.ROOT, "pass %d %s: %.1f papers/s%n", pass + 1, variant.label(),
                            rates.get(variant).getLast());
                }
            }
        } finally {
            encoders.values().forEach(Encoder::close);
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "| variant | papers/s, 1 thread (median of %d passes of %d papers) | query embedding p50 / p95 |%n"
                        + "| --- | --- | --- |%n", passes, texts.size()));
        for (Variant variant : VARIANTS) {
            table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f / %.1f ms |%n", variant.label(),
                    percentile(rates.get(variant), 50), percentile(queryMillis.get(variant), 50),
                    percentile(queryMillis.get(variant), 95)));
        }
        Files.writeString(out, table.toString());
        System.out.print(table);
    }

    private static double percentile(List<Double> values, double p) {
        return new Latencies(values.stream().mapToDouble(Double::doubleValue).toArray(), 1).percentile(p);
    }
}
