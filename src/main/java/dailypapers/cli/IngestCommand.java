package dailypapers.cli;

import dailypapers.App;
import dailypapers.Config;
import dailypapers.ingest.HarvestListener;
import dailypapers.ingest.HarvestRunner;
import dailypapers.ingest.ImportListener;
import dailypapers.ingest.arxiv.OaiHarvester;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Runs a harvester by hand, with a progress display: {@code ingest hf --date D | --since D} and
 * {@code ingest arxiv [--from D] [--set S]…}. Runs share the checkpoints of the scheduled harvesters.
 */
@Command(name = "ingest", description = "Harvest papers from Hugging Face Daily Papers or arXiv by hand.",
        subcommands = {IngestCommand.HuggingFace.class, IngestCommand.Arxiv.class})
final class IngestCommand {

    @ParentCommand
    Main main;

    /** {@code ingest hf}: one day, or every day since a date up to today (UTC). */
    @Command(name = "hf",
            description = "Feature the papers Hugging Face listed on a day, or on every day since a date.")
    static final class HuggingFace implements Callable<Integer> {

        @ParentCommand
        IngestCommand ingest;

        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Days days;

        static final class Days {
            @Option(names = "--date", paramLabel = "YYYY-MM-DD", required = true, description = "One day.")
            LocalDate date;

            @Option(names = "--since", paramLabel = "YYYY-MM-DD", required = true,
                    description = "Every day from this one to today (UTC).")
            LocalDate since;
        }

        @Override
        public Integer call() {
            LocalDate from = days.date != null ? days.date : days.since;
            LocalDate to = days.date != null ? days.date : LocalDate.now(ZoneOffset.UTC);
            return withApp(ingest.main, Map.of(), app -> run(spec, app, app.ingest().hfHarvester().source(),
                    listener -> app.ingest().hfHarvester().harvestDays(from, to, listener)));
        }
    }

    /** {@code ingest arxiv}: OAI-PMH ListRecords from a datestamp, or from each set's checkpoint. */
    @Command(name = "arxiv",
            description = "Harvest arXiv sets through OAI-PMH, from a date or from where the last run stopped.")
    static final class Arxiv implements Callable<Integer> {

        @ParentCommand
        IngestCommand ingest;

        @Spec
        CommandSpec spec;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD",
                description = "Harvest records changed on or after this day "
                        + "(default: resume each set's checkpoint).")
        LocalDate from;

        @Option(names = "--set", paramLabel = "SET", descriptionKey = "harvest.arxiv.sets")
        List<String> sets;

        @Override
        public Integer call() {
            Map<String, String> flags = new HashMap<>();
            Main.putIfSet(flags, Config.HARVEST_ARXIV_SETS, sets == null ? null : String.join(",", sets));
            return withApp(ingest.main, flags, app -> {
                int worst = 0;
                for (OaiHarvester harvester : app.ingest().arxivHarvesters()) {
                    int code = run(spec, app, harvester.source(), listener -> from == null
                            ? harvester.harvest(listener) : harvester.harvestFrom(from, listener));
                    worst = code == Main.EXIT_STARTUP_FAILED || worst == Main.EXIT_STARTUP_FAILED
                            ? Main.EXIT_STARTUP_FAILED : Math.max(worst, code);
                }
                return worst;
            });
        }
    }

    /**
     * Runs {@code work} with the app open; Ctrl-C or SIGTERM interrupts the harvest, which stops at its next
     * request and keeps every page it stored, and the app closes (releasing the source's lease) before the JVM ends.
     */
    static int withApp(Main main, Map<String, String> flags, Function<App, Integer> work) {
        CountDownLatch closed = new CountDownLatch(1);
        StopSignals.interrupt(Thread.currentThread(), closed);
        try (App app = main.openApp(flags)) {
            return work.apply(app);
        } finally {
            closed.countDown();
        }
    }

    /** Shows each stored page on the console's progress display, and each rejection and warning as a line. */
    static final class ConsoleProgress implements HarvestListener {

        private final ProgressReporter reporter;
        private final long started = System.nanoTime();

        ConsoleProgress(CommandSpec spec) {
            this.reporter = ProgressReporter.forConsole(spec.commandLine().getErr(), "ingest");
        }

        @Override
        public void page(PageProgress p) {
            reporter.update(new ImportListener.Progress(p.source() + " " + p.position(), p.done(), p.expected(),
                    p.soFar().received(), p.soFar().rejected(), System.nanoTime() - started));
        }

        @Override
        public void rejected(String source, String reason) {
            reporter.message("rejected " + source + " " + reason);
        }

        @Override
        public void warned(String source, String reason) {
            reporter.message("warning " + source + " " + reason);
        }

        void finish() {
            reporter.finish();
        }
    }

    /** Runs one task with a progress display and reports its outcome. */
    static int run(CommandSpec spec, App app, String source, HarvestRunner.Task task) {
        ConsoleProgress progress = new ConsoleProgress(spec);
        HarvestRunner.Outcome outcome = app.ingest().harvestByHand(source, progress, task);
        progress.finish();
        return report(spec, outcome);
    }

    /** Prints the outcome; exit 0 on success, 3 when records were rejected, 1 when the run failed. */
    static int report(CommandSpec spec, HarvestRunner.Outcome outcome) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (outcome.skipped()) {
            err.println("error: " + outcome.source() + " is already being harvested");
            return Main.EXIT_STARTUP_FAILED;
        }
        out.println(outcome.source() + ": " + outcome.counts());
        if (!outcome.succeeded()) {
            err.println("error: " + outcome.source() + " failed (" + outcome.errorCode() + "): " + outcome.message()
                    + "; the next run resumes from the last stored page");
            return Main.EXIT_STARTUP_FAILED;
        }
        return outcome.counts().rejected() == 0 ? 0 : ImportCommand.EXIT_SOME_REJECTED;
    }
}
