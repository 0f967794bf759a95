package dailypapers.cli;

import dailypapers.App;
import dailypapers.UserFacingException;
import dailypapers.search.EmbeddingJob;
import dailypapers.search.SearchModule;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Embeds every paper that has no vector from the configured model yet, on all cores, with a progress bar: the
 * server's background job does the same a batch at a time, but a first backfill of a large corpus is faster here
 * with the server stopped. Stopped with Ctrl-C, it loses at most the batch in flight; a later run (or the server)
 * goes on with the papers still missing.
 */
@Command(name = "embed", description = "Compute the embeddings of papers that have none yet (stop the server first).")
final class EmbedCommand implements Callable<Integer> {

    private static final int MAX_THREADS = 256;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N",
            description = "Papers encoded at once (default: one per core, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--limit", paramLabel = "N", description = "Stop after this many papers (default: all).")
    long limit = Long.MAX_VALUE;

    @Override
    public Integer call() {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new UserFacingException("--threads must be between 1 and " + MAX_THREADS + ", got " + threads);
        }
        if (limit < 1) {
            throw new UserFacingException("--limit must be at least 1, got " + limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<EmbeddingJob> running = new AtomicReference<>();
        // Ctrl-C stops the job after its batch and waits for the batch to be stored and the index and the model to
        // be closed before the JVM ends.
        StopSignals.install(() -> {
            EmbeddingJob job = running.get();
            if (job != null) {
                job.stop();
                StopSignals.awaitQuietly(closed);
            }
        });
        try (App app = main.openApp(Map.of())) {
            SearchModule search = app.search();
            EmbeddingJob job = search.embeddingJob(threads).orElseThrow(() -> new UserFacingException(
                    "no embedding model is configured (search.model is none)"));
            running.set(job);
            ProgressReporter progress = ProgressReporter.forConsole(err, "embed");
            EmbeddingJob.Summary summary = search.embedByHand(job, limit, p -> progress.show(job.model(),
                    p.fraction(), p.elapsed().toNanos(), describe(p))).orElseThrow(() -> new UserFacingException(
                    "another process is embedding papers (a server's embedding job); try again when it is done"));
            progress.finish();
            double seconds = summary.elapsed().toNanos() / 1e9;
            out.printf(Locale.ROOT, "embedded %,d papers with %s in %.1f s (%,.1f papers/s on %d threads);"
                    + " %,d still without a vector%n", summary.embedded(), job.model(), seconds,
                    seconds > 0 ? summary.embedded() / seconds : 0, threads, summary.remaining());
        } finally {
            closed.countDown();
        }
        return 0;
    }

    private static String describe(EmbeddingJob.Progress p) {
        return String.format(Locale.ROOT, "%3.0f%% %,d of %,d papers, %,.1f/s, ETA %s", p.fraction() * 100,
                p.embedded(), p.missingAtStart(), p.papersPerSecond(), ProgressReporter.eta(p.fraction(),
                        p.elapsed().toNanos() / 1e9));
    }
}
