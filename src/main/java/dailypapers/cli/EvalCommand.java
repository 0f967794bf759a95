package dailypapers.cli;

import dailypapers.Config;
import dailypapers.UserFacingException;
import dailypapers.embedding.Encoder;
import dailypapers.embedding.OnnxEncoder;
import dailypapers.eval.BeirDataset;
import dailypapers.eval.EvaluationResult;
import dailypapers.eval.SearchEvaluation;
import dailypapers.search.SearchMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Search quality on a BEIR-format collection: nDCG@10 and Recall@100 per mode, trec_eval semantics, of the ranking
 * every search runs ({@link dailypapers.search.Ranker}, through {@link SearchEvaluation}).
 */
@Command(name = "eval", description = "Measure search quality (nDCG@10, Recall@100) on a BEIR-format folder.")
final class EvalCommand implements Callable<Integer> {

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

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SearchMode> searchModes = modes.stream().map(m -> SearchMode.parse(m).orElseThrow(
                () -> new UserFacingException("unknown mode '" + m + "': use keyword, semantic or hybrid")))
                .toList();
        BeirDataset dataset;
        try {
            dataset = split == null ? BeirDataset.load(folder) : BeirDataset.load(folder, split);
        } catch (IOException e) {
            throw new UserFacingException("cannot read the BEIR folder " + folder + ": " + e.getMessage(), e);
        }
        Config config = main.config(Map.of());
        boolean needsModel = searchModes.stream().anyMatch(m -> m != SearchMode.KEYWORD);
        Optional<Encoder> encoder = needsModel
                ? Optional.of(new OnnxEncoder(config.searchModel().orElseThrow(() -> new UserFacingException(
                        "semantic and hybrid need an embedding model; search.model is none")), 1))
                : Optional.empty();
        out.printf(Locale.ROOT, "%s, split %s: %,d documents, %,d queries%s%n", folder, dataset.split(),
                dataset.corpus().size(), dataset.queries().size(), encoder.map(e -> ", model " + e.model()).orElse(""));
        int total = dataset.corpus().size();
        long started = System.nanoTime();
        try {
            Map<SearchMode, EvaluationResult> results = SearchEvaluation.evaluate(dataset, encoder, searchModes,
                    done -> {
                        if (encoder.isPresent() && (done % 500 == 0 || done == total)) {
                            double seconds = (System.nanoTime() - started) / 1e9;
                            err.printf(Locale.ROOT, "embedded %,d of %,d documents (%.1f/s)%n", done, total,
                                    done / seconds);
                            err.flush();
                        }
                    });
            out.println("mode       nDCG@10  Recall@100  queries");
            results.forEach((mode, result) -> out.printf(Locale.ROOT, "%-9s  %7.4f  %10.4f  %7d%n", mode.key(),
                    result.ndcgAt10(), result.recallAt100(), result.queryCount()));
        } finally {
            encoder.ifPresent(Encoder::close);
        }
        return 0;
    }
}
