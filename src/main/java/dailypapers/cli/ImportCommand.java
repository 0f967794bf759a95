package dailypapers.cli;

import dailypapers.App;
import dailypapers.search.SearchModule;
import dailypapers.ingest.ImportListener;
import dailypapers.ingest.ImportSummary;
import dailypapers.ingest.ImportWarning;
import dailypapers.ingest.Rejection;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Imports JSON-lines files (our schema or the arXiv Kaggle snapshot, plain or gzip). */
@Command(name = "import", description = "Import papers from JSON-lines files (.jsonl or .jsonl.gz).")
final class ImportCommand implements Callable<Integer> {

    static final int EXIT_SOME_REJECTED = 3;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                err.println("error: cannot read " + file);
                return Main.EXIT_STARTUP_FAILED;
            }
        }
        long rejected = 0;
        try (App app = main.openApp(Map.of())) {
            if (app.hasIndex()) {
                app.search().indexer().sync(); // a new or outdated index is rebuilt first; batches are then indexed as stored
            } else {
                err.println("note: the search index is held by a running server; it indexes these papers within "
                        + SearchModule.SYNC_INTERVAL.toSeconds() + " seconds of each batch");
            }
            for (Path file : files) {
                ProgressReporter progress = ProgressReporter.forConsole(err);
                ImportSummary summary = app.importFile(file, new ImportListener() {
                    @Override
                    public void progress(Progress p) {
                        progress.update(p);
                    }

                    @Override
                    public void rejected(Rejection rejection) {
                        progress.message("rejected " + rejection);
                    }

                    @Override
                    public void warned(ImportWarning warning) {
                        progress.message("warning " + warning);
                    }
                });
                progress.finish();
                out.println(file + ": " + summary);
                rejected += summary.rejected();
            }
        }
        return rejected == 0 ? 0 : EXIT_SOME_REJECTED;
    }
}
