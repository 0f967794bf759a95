package dailypapers.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dailypapers.App;
import dailypapers.Config;
import dailypapers.embedding.Encoder;
import dailypapers.embedding.Encoders;
import dailypapers.embedding.OnnxEncoder;
import dailypapers.paper.ArxivId;
import dailypapers.search.EmbeddingText;
import dailypapers.search.Filters;
import dailypapers.search.Hit;
import dailypapers.search.Ranker;
import dailypapers.search.ResultOrder;
import dailypapers.search.SearchMode;
import dailypapers.search.SearchRequest;
import dailypapers.search.SearchService;
import dailypapers.search.UserQuery;
import dailypapers.search.VectorStore.StoredVector;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The search benchmark's measuring program, run by {@code bench/search} (which builds the corpora with the
 * product's own import, embed and reindex commands). Subcommands:
 *
 * <pre>
 * generate PAPERS.jsonl.gz REAL_DATA_DIR COUNT OUT.jsonl.gz OUT.vectors   recombined corpus and its vectors
 * load-vectors DATA_DIR IN.vectors                                      store them as the model's vectors
 * measure DATA_DIR LABEL PAPERS.jsonl.gz QUERIES OUT.json [THREADS]     latency, throughput, recall, memory;
 *                                                                       THREADS the client counts, default 1,2
 * measure-keyword DATA_DIR LABEL PAPERS.jsonl.gz QUERIES OUT.json       keyword latency alone, no model or vectors
 * encode PAPERS.jsonl.gz COUNT PASSES OUT.json                          embedding throughput, batch 1 and batched
 * </pre>
 */
public final class SearchBench {

    private static final long SEED = 20_261_126L;
    private static final int WARM_UP_QUERIES = 150;
    private static final int[] CLIENT_THREADS = {1, 2};
    /** Queries embedded per pass in {@code encode}, for the query latency of each path. */
    private static final int ENCODE_QUERIES = 100;
    private static final int RESULTS_PER_PAGE = 20;
    private static final int RECALL_AT = 10;
    /** Candidate counts of the graph search whose recall is measured; search uses 200 by default. */
    private static final int[] CANDIDATES = {100, 200, 400};
    /** A query word joined by a hyphen ("multi-agent"): a compound to the analyzer. */
    private static final Pattern HYPHENATED = Pattern.compile("[\\p{L}\\p{N}]-[\\p{L}\\p{N}]");

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "generate" -> generate(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]),
                    Path.of(args[4]), Path.of(args[5]));
            case "load-vectors" -> loadVectors(Path.of(args[1]), Path.of(args[2]));
            case "measure" -> measure(Path.of(args[1]), args[2], Path.of(args[3]), Integer.parseInt(args[4]),
                    Path.of(args[5]), args.length > 6 ? Arrays.stream(args[6].split(",")).mapToInt(Integer::parseInt)
                            .toArray() : CLIENT_THREADS);
            case "measure-keyword" -> measureKeyword(Path.of(args[1]), args[2], Path.of(args[3]),
                    Integer.parseInt(args[4]), Path.of(args[5]));
            case "encode" -> encode(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Path.of(args[4]));
            default -> throw new IllegalArgumentException(
                    "usage: SearchBench generate|load-vectors|measure|measure-keyword|encode");
        }
    }

    private static Config config(Path dataDir) {
        return config(dataDir, Encoders.DEFAULT_MODEL.id());
    }

    /** The environment's settings apply (bench/scale names the search engine there; bench/search clears them). */
    private static Config config(Path dataDir, String model) {
        return Config.load(null, System.getenv(), Map.of(Config.DATA_DIR.key(), dataDir.toString(), Config.HARVEST_ENABLED.key(),
                "false", Config.THUMBNAIL_ENABLED.key(), "false", Config.SEARCH_MODEL.key(), model));
    }

    /** The name the configured model's vectors are stored under. */
    private static String modelName(Config config) {
        return config.search().modelName().orElseThrow();
    }

    private static void generate(Path papers, Path realDataDir, int count, Path papersOut, Path vectorsOut)
            throws IOException, SQLException {
        RealPapers real = RealPapers.read(papers);
        Map<String, float[]> vectors = new HashMap<>();
        StoredVectors.read(config(realDataDir), modelName(config(realDataDir)), (id, vector) -> vectors.put(id, vector));
        SyntheticCorpus.write(real, vectors, count, SEED, papersOut, vectorsOut);
        System.out.printf("generated %,d papers from %,d real papers with vectors%n", count, vectors.size());
    }

    private static void loadVectors(Path dataDir, Path vectorsIn) throws IOException {
        String model = modelName(config(dataDir));
        try (App app = App.open(config(dataDir), Clock.systemUTC())) {
            List<StoredVector> batch = new ArrayList<>();
            long[] stored = {0};
            VectorFile.read(vectorsIn, entry -> {
                batch.add(new StoredVector(new ArxivId(entry.id()), entry.vector(), entry.textHash(), null));
                if (batch.size() == 2_000) {
                    app.search().vectors().save(model, batch);
                    stored[0] += batch.size();
                    batch.clear();
                }
            });
            app.search().vectors().save(model, batch);
            stored[0] += batch.size();
            System.out.printf("stored %,d vectors for %s%n", stored[0], model);
        }
    }

    private static void measure(Path dataDir, String label, Path papers, int queryCount, Path out,
            int[] clientThreads) throws Exception {
        RealPapers real = RealPapers.read(papers);
        List<String> queries = BenchQueries.from(real, queryCount, SEED);
        List<String> warmUp = warmUp(real, queries);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("label", label);
        result.put("queries", queries.size());
        Encoder encoder = Encoders.defaultEncoder();
        try (App app = App.open(config(dataDir), Clock.systemUTC(), Optional.of(encoder))) { // closes the encoder
            // Every query is embedded anew: no query-vector cache, so the model's time is in every latency.
            SearchService search = new SearchService(Ranker.over(app.search().index(), Optional.of(encoder), 0,
                    app.config().search().tuning()),
                    app.search().index(), app.search().papers(), app.search().vectors(), app.search().indexer());
            var stats = app.search().index().stats();
            if (stats.documentsWithVectors() < stats.documents()) {
                throw new IllegalStateException(label + ": only " + stats.documentsWithVectors() + " of "
                        + stats.documents() + " papers have a vector in the index; semantic numbers would be off");
            }
            result.put("engine", app.config().search().engine().key());
            result.put("papers", stats.documents());
            result.put("papers_with_vectors", stats.documentsWithVectors());
            result.put("index_bytes", size(dataDir.resolve("index")));
            result.put("database_bytes", size(dataDir.resolve("dailypapers.db")));
            Map<String, Object> modes = new LinkedHashMap<>();
            for (SearchMode mode : SearchMode.values()) {
                run(search, warmUp, mode, 2);
                Map<String, Object> byThreads = new LinkedHashMap<>();
                for (int threads : clientThreads) {
                    byThreads.put(String.valueOf(threads), run(search, queries, mode, threads).summary());
                }
                modes.put(mode.name().toLowerCase(), byThreads);
            }
            result.put("search", modes);
            result.put("query_embedding", queryEmbedding(encoder, queries).summary());
            result.put("memory", memory());
            result.put("vectors", recall(app, encoder, queries));
        }
        write(out, result);
        System.out.printf("measured %s: %s%n", label, out);
    }

    /** Other queries of the same kind, run first so that the measured ones meet a warm JVM and index. */
    private static List<String> warmUp(RealPapers real, List<String> queries) {
        return BenchQueries.from(real, WARM_UP_QUERIES + queries.size(), SEED + 1).stream()
                .filter(q -> !queries.contains(q)).limit(WARM_UP_QUERIES).toList();
    }

    /**
     * Keyword search alone, one client, on a corpus with or without vectors ({@code search.model=none}): every query,
     * and apart those with a hyphenated word, which the analyzer treats as compounds.
     */
    private static void measureKeyword(Path dataDir, String label, Path papers, int queryCount, Path out)
            throws Exception {
        RealPapers real = RealPapers.read(papers);
        List<String> queries = BenchQueries.from(real, queryCount, SEED);
        List<String> warmUp = warmUp(real, queries);
        List<String> hyphenated = queries.stream().filter(q -> HYPHENATED.matcher(q).find()).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("label", label);
        try (App app = App.open(config(dataDir, "none"), Clock.systemUTC())) {
            SearchService search = new SearchService(Ranker.over(app.search().index(), Optional.empty(), 0,
                    app.config().search().tuning()),
                    app.search().index(), app.search().papers(), app.search().vectors(), app.search().indexer());
            result.put("papers", app.search().index().stats().documents());
            run(search, warmUp, SearchMode.KEYWORD, 1);
            result.put("all", run(search, queries, SearchMode.KEYWORD, 1).summary());
            result.put("hyphenated", run(search, hyphenated, SearchMode.KEYWORD, 1).summary());
        }
        write(out, result);
        System.out.printf("measured %s: %s%n", label, out);
    }

    /** Every query once, shared out over {@code threads} client threads; the modes asked for are checked. */
    private static Latencies run(SearchService search, List<String> queries, SearchMode mode, int threads)
            throws Exception {
        double[] millis = new double[queries.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < queries.size(); i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        var result = search.search(new SearchRequest(queries.get(i), Optional.of(mode),
                                ResultOrder.RELEVANCE, 0, RESULTS_PER_PAGE));
                        millis[i] = (System.nanoTime() - start) / 1e6;
                        if (result.mode() != mode) {
                            throw new IllegalStateException(mode + " search ran as " + result.mode() + ": "
                                    + result.notices());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return new Latencies(millis, (System.nanoTime() - started) / 1e9);
    }

    private static Latencies queryEmbedding(Encoder encoder, List<String> queries) {
        double[] millis = new double[queries.size()];
        long started = System.nanoTime();
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            encoder.encodeQuery(UserQuery.parse(queries.get(i)).plainText());
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return new Latencies(millis, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Recall@10 of the index's nearest-neighbour search (HNSW over int7-quantised vectors) against an exact
     * brute-force scan of the stored float vectors, for the same query vectors; and both latencies.
     */
    private static Map<String, Object> recall(App app, Encoder encoder, List<String> queries) throws SQLException {
        List<String> ids = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        StoredVectors.read(app.config(), encoder.model(), (id, vector) -> {
            ids.add(id);
            rows.add(vector);
        });
        int dimension = encoder.dimension();
        float[] all = new float[rows.size() * dimension];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, all, i * dimension, dimension);
        }
        rows.clear();
        List<float[]> queryVectors = queries.stream()
                .map(q -> encoder.encodeQuery(UserQuery.parse(q).plainText())).toList();
        double[] exactMillis = new double[queries.size()];
        List<Set<String>> exact = new ArrayList<>();
        for (int q = 0; q < queries.size(); q++) {
            long start = System.nanoTime();
            exact.add(BruteForce.top(all, dimension, ids, queryVectors.get(q), RECALL_AT));
            exactMillis[q] = (System.nanoTime() - start) / 1e6;
        }
        Map<String, Object> vectors = new LinkedHashMap<>();
        vectors.put("count", ids.size());
        vectors.put("brute_force", sequential(exactMillis).summary());
        // The product asks for at least SearchIndex's minimum of candidates; asking for more widens the graph
        // search, so the first 10 of a wider search show what more candidates would buy.
        Map<String, Object> byCandidates = new LinkedHashMap<>();
        for (int candidates : CANDIDATES) {
            double[] annMillis = new double[queries.size()];
            double recallSum = 0;
            for (int q = 0; q < queries.size(); q++) {
                long start = System.nanoTime();
                List<Hit> approximate = app.search().index().nearest(queryVectors.get(q), Filters.NONE, candidates)
                        .hits();
                annMillis[q] = (System.nanoTime() - start) / 1e6;
                Set<String> found = new HashSet<>();
                approximate.stream().limit(RECALL_AT).forEach(h -> found.add(h.id()));
                found.retainAll(exact.get(q));
                recallSum += (double) found.size() / exact.get(q).size();
            }
            Map<String, Object> row = new LinkedHashMap<>(sequential(annMillis).summary());
            row.put("recall_at_10", recallSum / queries.size());
            byCandidates.put(String.valueOf(candidates), row);
        }
        vectors.put("hnsw", byCandidates);
        return vectors;
    }

    /** Latencies of calls made one after another: the pass took their sum. */
    private static Latencies sequential(double[] millis) {
        return new Latencies(millis, Arrays.stream(millis).sum() / 1000);
    }

    /**
     * The lines of /proc/self/status kept, in KiB there: resident set now and at its peak, and now split into
     * anonymous memory (heap, native allocations) and file-backed pages (the mapped index files, which the kernel
     * may drop and read again).
     */
    private static final Map<String, String> STATUS_KEYS = Map.of("VmRSS:", "rss_bytes", "VmHWM:", "rss_peak_bytes",
            "RssAnon:", "rss_anon_bytes", "RssFile:", "rss_file_bytes");

    private static Map<String, Object> memory() {
        System.gc();
        Map<String, Object> memory = new LinkedHashMap<>();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        memory.put("heap_used_bytes", heap.getUsed());
        memory.put("heap_committed_bytes", heap.getCommitted());
        memory.put("heap_max_bytes", Runtime.getRuntime().maxMemory());
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                String key = STATUS_KEYS.get(line.substring(0, line.indexOf(':') + 1));
                if (key != null) {
                    memory.put(key, Long.parseLong(line.replaceAll("\\D+", "")) * 1024);
                }
            }
        } catch (IOException e) {
            memory.put("rss_error", e.getMessage());
        }
        return memory;
    }

    /**
     * How a backfill could feed the model: {@code batch} texts per model call, in the corpus's order or sorted by
     * length so that a call's texts need little padding.
     */
    private record EncodePath(String key, int batch, boolean sortedByLength) {
    }

    /** The product's path (one text per call) first: the others are compared with it. */
    private static final List<EncodePath> ENCODE_PATHS = List.of(new EncodePath("one_per_call", 1, false),
            new EncodePath("sorted_8_per_call", 8, true));

    /**
     * Embedding throughput of real papers' title and abstract on 1 and 2 threads sharing one model, for each of
     * {@link #ENCODE_PATHS}, and the query embedding latency. The paths take turns pass after pass (their order
     * flipped each pass), so load from other processes falls on all alike; each figure is the median of the
     * passes. Besides papers per second of wall time, papers per second of the encoding threads' CPU time: the
     * cost per core, which other processes on a shared machine disturb far less. Also the least cosine between a
     * paper's vector from each path and from the first.
     */
    private static void encode(Path papers, int count, int passes, Path out) throws Exception {
        RealPapers real = RealPapers.read(papers);
        List<String> texts = real.papers().stream().limit(count)
                .map(p -> EmbeddingText.of(p.title(), String.join(" ", p.sentences()))).toList();
        List<String> queries = BenchQueries.from(real, ENCODE_QUERIES, SEED).stream()
                .map(q -> UserQuery.parse(q).plainText()).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("papers", texts.size());
        result.put("passes", passes);
        result.put("queries", queries.size());
        result.put("load_average_before", loadAverage());
        Map<EncodePath, Encoder> encoders = new LinkedHashMap<>();
        Map<EncodePath, List<String>> inputs = new HashMap<>();
        Map<EncodePath, Map<Integer, List<double[]>>> rates = new HashMap<>();
        Map<EncodePath, Double> leastCosine = new HashMap<>();
        List<Double> queryMillis = new ArrayList<>();
        try {
            List<float[]> reference = null;
            for (EncodePath path : ENCODE_PATHS) {
                Encoder encoder = new OnnxEncoder(Encoders.DEFAULT_MODEL, OnnxEncoder.DEFAULT_MAX_TOKENS, 1,
                        path.batch(), true);
                encoders.put(path, encoder);
                List<String> input = path.sortedByLength()
                        ? texts.stream().sorted(Comparator.comparingInt(String::length)).toList() : texts;
                inputs.put(path, input);
                rates.put(path, new HashMap<>());
                // Also the warm-up.
                List<float[]> vectors = encoder.encodePassages(input);
                Map<String, float[]> byText = new HashMap<>();
                for (int i = 0; i < input.size(); i++) {
                    byText.put(input.get(i), vectors.get(i));
                }
                List<float[]> inOrder = texts.stream().map(byText::get).toList();
                reference = reference == null ? inOrder : reference;
                leastCosine.put(path, leastCosine(reference, inOrder));
            }
            for (int pass = 0; pass < passes; pass++) {
                List<EncodePath> order = new ArrayList<>(ENCODE_PATHS);
                if (pass % 2 == 1) {
                    Collections.reverse(order);
                }
                for (int threads : CLIENT_THREADS) {
                    for (EncodePath path : order) {
                        double[] rate = encodeRate(encoders.get(path), inputs.get(path), threads);
                        rates.get(path).computeIfAbsent(threads, t -> new ArrayList<>()).add(rate);
                        System.err.printf(Locale.ROOT, "pass %d, %s, %d threads: %.1f papers/s, %.1f per CPU second%n",
                                pass + 1, path.key(), threads, rate[0], rate[1]);
                    }
                }
                // Queries are one text per call whatever the path.
                Encoder encoder = encoders.get(ENCODE_PATHS.getFirst());
                for (String query : queries) {
                    long start = System.nanoTime();
                    encoder.encodeQuery(query);
                    queryMillis.add((System.nanoTime() - start) / 1e6);
                }
            }
        } finally {
            encoders.values().forEach(Encoder::close);
        }
        result.put("load_average_after", loadAverage());
        Map<String, Object> paths = new LinkedHashMap<>();
        for (EncodePath path : ENCODE_PATHS) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("texts_per_call", path.batch());
            summary.put("sorted_by_length", path.sortedByLength());
            summary.put("least_cosine_to_first_path", leastCosine.get(path));
            for (int threads : CLIENT_THREADS) {
                List<double[]> runs = rates.get(path).get(threads);
                Map<String, Object> rate = new LinkedHashMap<>();
                rate.put("papers_per_second", median(runs.stream().mapToDouble(r -> r[0]).toArray()));
                rate.put("papers_per_second_per_thread",
                        median(runs.stream().mapToDouble(r -> r[0] / threads).toArray()));
                rate.put("papers_per_cpu_second", median(runs.stream().mapToDouble(r -> r[1]).toArray()));
                rate.put("runs_papers_per_second", runs.stream().map(r -> r[0]).toList());
                rate.put("runs_papers_per_cpu_second", runs.stream().map(r -> r[1]).toList());
                summary.put("threads_" + threads, rate);
            }
            paths.put(path.key(), summary);
        }
        result.put("paths", paths);
        result.put("query_embedding", new Latencies(queryMillis.stream().mapToDouble(Double::doubleValue).toArray(),
                1).summary());
        write(out, result);
    }

    /** Papers per second of wall time and per second of the encoding threads' CPU time, the texts split evenly. */
    private static double[] encodeRate(Encoder encoder, List<String> texts, int threads) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Long>> parts = new ArrayList<>();
            int slice = Math.ceilDiv(texts.size(), threads);
            for (int from = 0; from < texts.size(); from += slice) {
                List<String> part = texts.subList(from, Math.min(texts.size(), from + slice));
                parts.add(workers.submit(() -> {
                    long cpuStart = cpu.getCurrentThreadCpuTime();
                    encoder.encodePassages(part);
                    return cpu.getCurrentThreadCpuTime() - cpuStart;
                }));
            }
            long cpuNanos = 0;
            for (Future<Long> part : parts) {
                cpuNanos += part.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new double[] {texts.size() / seconds, texts.size() / (cpuNanos / 1e9)};
        } finally {
            workers.shutdownNow();
        }
    }

    private static double leastCosine(List<float[]> a, List<float[]> b) {
        double least = 1;
        for (int i = 0; i < a.size(); i++) {
            double dot = 0;
            for (int d = 0; d < a.get(i).length; d++) {
                dot += a.get(i)[d] * b.get(i)[d];
            }
            least = Math.min(least, dot);
        }
        return least;
    }

    private static double median(double[] values) {
        return new Latencies(values, 1).percentile(50);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long size(Path path) throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void write(Path out, Map<String, Object> result) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
    }

    /** Stored vectors straight from the paper_vector table: float32 little-endian, as the store writes them. */
    static final class StoredVectors {

        static void read(Config config, String model, BiConsumer<String, float[]> sink) throws SQLException {
            try (Connection connection = DriverManager.getConnection(config.database().url(),
                    config.database().user(), config.database().password());
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT paper_id, vector FROM paper_vector WHERE model = ? ORDER BY paper_id")) {
                statement.setString(1, model);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ByteBuffer bytes = ByteBuffer.wrap(rows.getBytes(2)).order(ByteOrder.LITTLE_ENDIAN);
                        float[] vector = new float[bytes.remaining() / Float.BYTES];
                        bytes.asFloatBuffer().get(vector);
                        sink.accept(rows.getString(1), vector);
                    }
                }
            }
        }
    }
}
