package dailypapers.cli;

import dailypapers.Config;
import dailypapers.UserFacingException;
import dailypapers.embedding.Encoder;
import dailypapers.embedding.EncoderModel;
import dailypapers.embedding.OnnxEncoder;
import dailypapers.eval.BeirDataset;
import dailypapers.eval.CrossValidation;
import dailypapers.eval.Evaluation.QueryScore;
import dailypapers.eval.EvaluationResult;
import dailypapers.eval.SearchEvaluation;
import dailypapers.eval.Tunings;
import dailypapers.eval.VectorCache;
import dailypapers.search.EmbeddingText;
import dailypapers.search.Ranker;
import dailypapers.search.SearchMode;
import dailypapers.search.SearchSettings;
import dailypapers.search.engine.SearchEngines;
import dailypapers.search.lucene.LuceneSearchIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Search quality on a BEIR-format collection: nDCG@10 and Recall@100 per mode, trec_eval semantics, of the ranking
 * every search runs ({@link dailypapers.search.Ranker}, through {@link SearchEvaluation}), with the instance's
 * settings ({@code search.model}, {@code search.model.tokens}, {@code search.fusion}, …); with {@code --folds}, the
 * cross-validated choice of the hybrid tuning.
 */
@Command(name = "eval", description = "Measure search quality (nDCG@10, Recall@100) on a BEIR-format folder.")
final class EvalCommand implements Callable<Integer> {

    /** Queries whose embedding is timed, and passages whose embedding is timed, on one thread. */
    private static final int TIMED_QUERIES = 200;
    private static final int TIMED_PASSAGES = 100;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FOLDER", description = "corpus.jsonl(.gz), queries.jsonl and qrels/<split>.tsv")
    Path folder;

    @Option(names = "--split", paramLabel = "NAME", description = "qrels split (default: test, else dev, else train)")
    String split;

    @Option(names = "--mode", split = ",", paramLabel = "MODE",
            description = "keyword, semantic, hybrid (default: all three; semantic and hybrid need search.model)")
    List<String> modes = List.of("keyword", "semantic", "hybrid");

    @Option(names = "--folds", paramLabel = "K", description = "cross-validate the hybrid tuning over K folds of the"
            + " queries: choose on K-1, score on the one left out (default: off, the configured tuning only)")
    int folds;

    @Option(names = "--threads", paramLabel = "N", description = "threads for embedding and queries (default: cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--cache", paramLabel = "DIR", description = "where document vectors are kept between runs, by"
            + " model and text hash (default: <data.dir>/eval-cache)")
    Path cache;

    @Option(names = "--no-query-instruction", description = "encode queries without the model card's instruction"
            + " (to measure what it buys; search always uses it)")
    boolean noQueryInstruction;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SearchMode> searchModes = modes.stream().map(m -> SearchMode.parse(m).orElseThrow(
                () -> new UserFacingException("unknown mode '" + m + "': use keyword, semantic or hybrid")))
                .toList();
        if (threads < 1) {
            throw new UserFacingException("--threads must be at least 1, got " + threads);
        }
        if (folds < 0 || folds == 1) {
            throw new UserFacingException("--folds must be 0 (off) or at least 2, got " + folds);
        }
        BeirDataset dataset;
        try {
            dataset = split == null ? BeirDataset.load(folder) : BeirDataset.load(folder, split);
        } catch (IOException e) {
            throw new UserFacingException("cannot read the BEIR folder " + folder + ": " + e.getMessage(), e);
        }
        if (folds > 0) {
            long judged = dataset.qrels().values().stream()
                    .filter(grades -> grades.values().stream().anyMatch(grade -> grade > 0)).count();
            if (folds > judged) {
                throw new UserFacingException("--folds " + folds + " is more than the " + judged
                        + " queries with a relevant document");
            }
        }
        Config config = main.config(Map.of());
        SearchSettings settings = config.search();
        boolean needsModel = searchModes.stream().anyMatch(SearchMode::needsVectors);
        Optional<Encoder> encoder = Optional.empty();
        if (needsModel) {
            EncoderModel model = settings.model().orElseThrow(() -> new UserFacingException(
                    "semantic and hybrid need an embedding model; search.model is none"));
            encoder = Optional.of(new OnnxEncoder(model, settings.modelTokens(), 1, 1, !noQueryInstruction));
        }
        out.printf(Locale.ROOT, "%s, split %s: %,d documents, %,d queries%s%n", folder, dataset.split(),
                dataset.corpus().size(), dataset.queries().size(), encoder.map(e -> ", model " + e.model()
                        + (noQueryInstruction ? " (queries without instruction)" : "")).orElse(""));
        out.flush();
        try {
            if (encoder.isPresent()) {
                printSpeed(out, encoder.get(), dataset);
            }
            run(out, err, dataset, encoder, config, settings, searchModes);
        } catch (IOException e) {
            throw new UserFacingException("cannot use the vector cache: " + e.getMessage(), e);
        } finally {
            encoder.ifPresent(Encoder::close);
        }
        return 0;
    }

    /** Indexes the collection (embedding what the cache lacks, with a progress bar) and prints the scores. */
    private void run(PrintWriter out, PrintWriter err, BeirDataset dataset, Optional<Encoder> encoder, Config config,
            SearchSettings settings, List<SearchMode> searchModes) throws IOException {
        Optional<VectorCache> vectors = encoder.map(e -> new VectorCache(
                cache != null ? cache : config.dataDir().resolve("eval-cache"), e));
        ProgressReporter progress = ProgressReporter.forConsole(err, "eval");
        long started = System.nanoTime();
        try (SearchEvaluation evaluation = SearchEvaluation.open(SearchEngines.openForEvaluation(settings), dataset,
                encoder, vectors, threads,
                (done, missing) -> progress.show(folder.toString(), (double) done / missing,
                        System.nanoTime() - started, String.format(Locale.ROOT, "embedded %,d of the %,d documents"
                                + " not in the cache, %.1f/s", done, missing,
                                done / ((System.nanoTime() - started) / 1e9))))) {
            progress.finish();
            if (folds == 0) {
                printResults(out, evaluation, searchModes, settings.tuning());
            } else {
                crossValidate(out, err, evaluation, searchModes, settings.tuning());
            }
        }
    }

    /** Embedding speed on one thread: passages per second, and the median time of a query. */
    private static void printSpeed(PrintWriter out, Encoder encoder, BeirDataset dataset) {
        List<String> passages = dataset.corpus().stream().limit(TIMED_PASSAGES)
                .map(d -> EmbeddingText.of(d.title(), d.text())).toList();
        encoder.encodeQuery("warm up");
        long started = System.nanoTime();
        encoder.encodePassages(passages);
        double passagesPerSecond = passages.size() / ((System.nanoTime() - started) / 1e9);
        long[] nanos = dataset.queries().values().stream().limit(TIMED_QUERIES).mapToLong(query -> {
            long start = System.nanoTime();
            encoder.encodeQuery(query);
            return System.nanoTime() - start;
        }).sorted().toArray();
        out.printf(Locale.ROOT, "speed on one thread: %.1f passages/s (first %d documents), query embedding p50 %.1f ms"
                + " (first %d queries)%n", passagesPerSecond, passages.size(), nanos[nanos.length / 2] / 1e6,
                nanos.length);
        out.flush();
    }

    private static void printResults(PrintWriter out, SearchEvaluation evaluation, List<SearchMode> modes,
            Ranker.Tuning tuning) {
        out.println("hybrid: " + tuning.describe());
        out.println("mode       nDCG@10  Recall@100  queries");
        for (SearchMode mode : modes) {
            EvaluationResult result = evaluation.evaluate(mode, tuning);
            out.printf(Locale.ROOT, "%-9s  %7.4f  %10.4f  %7d%n", mode.key(), result.ndcgAt10(),
                    result.recallAt100(), result.queryCount());
            out.flush();
        }
    }

    /**
     * Keyword and semantic rows are the configured settings' per-fold scores, and keyword again with BM25's k1 and b
     * chosen on the other folds. Hybrid rows each choose within a family of tunings ({@link Tunings}) on the other
     * folds. Chosen rows are compared fold by fold with their plain form (textbook RRF for hybrid): the mean and
     * spread of that paired difference say whether a gain is real.
     */
    private void crossValidate(PrintWriter out, PrintWriter err, SearchEvaluation evaluation, List<SearchMode> modes,
            Ranker.Tuning configured) {
        Map<String, QueryScore> any = evaluation.scores(SearchMode.KEYWORD, configured);
        List<Set<String>> split = CrossValidation.folds(any.keySet(), folds);
        out.printf(Locale.ROOT, "%d-fold cross-validation over %,d queries (seed %d): nDCG@10 and Recall@100 on the"
                + " held-out folds, mean ± standard deviation over folds; Δ: the paired difference, fold by fold, from"
                + " the default BM25 (keyword rows) or textbook RRF (k 60, equal weights, 100 candidates; hybrid"
                + " rows)%n",
                folds, any.size(), CrossValidation.SEED);
        out.printf(Locale.ROOT, "%-38s  %-15s  %-10s  %-16s  %-34s  %s%n", "row", "nDCG@10", "Recall@100", "Δ nDCG@10",
                "nDCG@10 per fold", "chosen on the other folds");
        for (SearchMode mode : modes) {
            if (mode == SearchMode.KEYWORD) {
                CrossValidation.Result<Object> plain = CrossValidation.run(split, Map.of(configured, any));
                printRow(out, "keyword", plain, null, false);
                // The collection's own index already scores with the default parameters.
                Map<Object, Map<String, QueryScore>> bm25 = new LinkedHashMap<>();
                bm25.put(LuceneSearchIndex.Bm25.DEFAULT, any);
                for (LuceneSearchIndex.Bm25 parameters : Tunings.bm25()) {
                    if (!bm25.containsKey(parameters)) {
                        try (SearchEvaluation keyword = SearchEvaluation.keywordOnly(evaluation.dataset(),
                                parameters, threads)) {
                            bm25.put(parameters, keyword.scores(SearchMode.KEYWORD, configured));
                        }
                    }
                }
                printRow(out, "keyword, k1 and b chosen", CrossValidation.run(split, bm25), plain, true);
                continue;
            }
            if (mode == SearchMode.SEMANTIC) {
                printRow(out, "semantic", CrossValidation.run(split,
                        Map.<Object, Map<String, QueryScore>>of(configured, evaluation.scores(mode, configured))),
                        null, false);
                continue;
            }
            CrossValidation.Result<Object> textbook = CrossValidation.run(split,
                    Map.of(Ranker.Tuning.TEXTBOOK, evaluation.scores(SearchMode.HYBRID, Ranker.Tuning.TEXTBOOK)));
            Map<Object, Map<String, QueryScore>> all = new LinkedHashMap<>();
            for (Map.Entry<String, List<Ranker.Tuning>> family : Tunings.families(configured).entrySet()) {
                Map<Object, Map<String, QueryScore>> scored = new LinkedHashMap<>();
                for (Ranker.Tuning tuning : family.getValue()) {
                    scored.put(tuning, all.computeIfAbsent(tuning, t -> evaluation.scores(SearchMode.HYBRID, tuning)));
                }
                err.printf(Locale.ROOT, "eval: %s: %d tunings%n", family.getKey(), family.getValue().size());
                err.flush();
                printRow(out, "hybrid, " + family.getKey(), CrossValidation.run(split, scored), textbook,
                        family.getValue().size() > 1);
            }
            printRow(out, "hybrid, any of the above", CrossValidation.run(split, all), textbook, true);
        }
    }

    /** A row; what was chosen is a tuning or BM25 parameters, shown by their description. */
    private static void printRow(PrintWriter out, String name, CrossValidation.Result<Object> result,
            CrossValidation.Result<Object> baseline, boolean chose) {
        String delta = "";
        if (baseline != null) {
            double[] differences = new double[result.folds().size()];
            for (int f = 0; f < differences.length; f++) {
                differences[f] = result.folds().get(f).held().ndcgAt10()
                        - baseline.folds().get(f).held().ndcgAt10();
            }
            delta = String.format(Locale.ROOT, "%+.4f ± %.4f", CrossValidation.mean(differences),
                    CrossValidation.spread(differences));
        }
        String perFold = result.folds().stream().map(f -> String.format(Locale.ROOT, "%.4f", f.held().ndcgAt10()))
                .collect(Collectors.joining(" "));
        String chosen = !chose ? "" : result.folds().stream().map(f -> describe(f.chosen()))
                .collect(Collectors.groupingBy(c -> c, LinkedHashMap::new, Collectors.counting())).entrySet()
                .stream().map(e -> e.getKey() + " (" + e.getValue() + "x)").collect(Collectors.joining("; "));
        out.printf(Locale.ROOT, "%-38s  %.4f ± %.4f  %-10.4f  %-16s  %-34s  %s%n", name, result.ndcg(),
                result.ndcgSpread(), result.recall(), delta, perFold, chosen);
        out.flush();
    }

    private static String describe(Object choice) {
        return switch (choice) {
            case Ranker.Tuning tuning -> tuning.describe();
            case LuceneSearchIndex.Bm25 bm25 -> String.format(Locale.ROOT, "k1 %.1f, b %.2f", bm25.k1(), bm25.b());
            default -> choice.toString();
        };
    }
}
