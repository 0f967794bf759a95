package dailypapers.cli;

import dailypapers.App;
import dailypapers.UserFacingException;
import dailypapers.search.SearchIndexer;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Rebuilds the search index from the database. The index is derived data under {@code <data.dir>/index}: this
 * builds a new generation from the papers and their stored vectors, without running the embedding model, and swaps
 * it in; stopped halfway, it leaves the old index as it was.
 */
@Command(name = "reindex", description = "Rebuild the search index from the database (stop the server first).")
final class ReindexCommand implements Callable<Integer> {

    private static final long REPORT_EVERY_PAPERS = 10_000;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (App app = main.openApp(Map.of())) {
            SearchIndexer indexer = app.search().indexer();
            long[] reported = {0};
            SearchIndexer.Summary summary = app.search().rebuildByHand(n -> {
                if (n - reported[0] >= REPORT_EVERY_PAPERS) {
                    reported[0] = n;
                    err.printf(Locale.ROOT, "reindex: %,d papers%n", n);
                    err.flush();
                }
            }).orElseThrow(() -> new UserFacingException("another node is syncing or rebuilding the shared search"
                    + " index; try again in a minute"));
            out.printf(Locale.ROOT, "indexed %,d papers (%,d with vectors%s) in %.1f s%n", summary.indexed(),
                    summary.withVectors(), indexer.model().map(m -> " from " + m).orElse(""),
                    summary.elapsed().toMillis() / 1000.0);
        }
        return 0;
    }
}
