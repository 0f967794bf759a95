package dailypapers.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs harvests and records each run's outcome for the status page. At most one run per source at a time in this
 * process; a second is skipped, not queued. Every failure is caught, logged and recorded here, so a failing
 * source never takes down the scheduler or another source.
 */
public final class HarvestRunner {

    private static final Logger log = LoggerFactory.getLogger(HarvestRunner.class);

    private final CheckpointStore checkpoints;
    private final Clock clock;
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

    public HarvestRunner(CheckpointStore checkpoints, Clock clock) {
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /** A run of one source: the scheduled {@link Harvester#harvest} or a by-hand range from the CLI. */
    @FunctionalInterface
    public interface Task {
        HarvestCounts run(HarvestListener listener) throws HarvestException;
    }

    /**
     * How a run ended.
     *
     * @param errorCode null when the run succeeded (or was skipped)
     * @param skipped   true when another run of the same source was still going
     */
    public record Outcome(String source, HarvestCounts counts, HarvestException.Code errorCode, String message,
            boolean skipped) {

        /** A run that did not start because the source was being harvested, here or by another process. */
        public static Outcome skipped(String source) {
            return new Outcome(source, HarvestCounts.NONE, null, "already running", true);
        }

        public boolean succeeded() {
            return errorCode == null && !skipped;
        }
    }

    public Outcome run(Harvester harvester, HarvestListener listener) {
        return run(harvester.source(), listener, harvester::harvest);
    }

    public Outcome run(String source, HarvestListener listener, Task task) {
        ReentrantLock lock = running.computeIfAbsent(source, s -> new ReentrantLock());
        if (!lock.tryLock()) {
            log.info("{}: a run is still going; skipping this one", source);
            return Outcome.skipped(source);
        }
        try {
            return runLocked(source, listener, task);
        } finally {
            lock.unlock();
        }
    }

    public boolean isRunning(String source) {
        ReentrantLock lock = running.get(source);
        return lock != null && lock.isLocked();
    }

    private Outcome runLocked(String source, HarvestListener listener, Task task) {
        Instant started = clock.instant();
        CountingListener counting = new CountingListener(listener);
        HarvestException.Code code = null;
        String message;
        HarvestCounts counts;
        try {
            counts = task.run(counting);
            message = counts.toString();
            log.info("{}: harvested {}", source, counts);
        } catch (HarvestException e) {
            code = e.code();
            message = e.getMessage();
            counts = counting.soFar;
            log.warn("{}: harvest failed ({}): {}; stored before the failure: {}", source, code, message, counts);
        } catch (RuntimeException e) {
            code = HarvestException.Code.INTERNAL;
            message = e.getClass().getSimpleName() + ": " + e.getMessage();
            counts = counting.soFar;
            log.error("{}: harvest failed unexpectedly; stored before the failure: {}", source, counts, e);
        }
        try {
            checkpoints.recordRun(source, new CheckpointStore.RunRecord(started, clock.instant(), counts, code,
                    code == null ? null : message));
        } catch (RuntimeException e) {
            log.error("{}: cannot record the run's outcome", source, e);
        }
        return new Outcome(source, counts, code, message, false);
    }

    /** Remembers the counts of the last stored page, so a failed run still reports what it stored. */
    private static final class CountingListener implements HarvestListener {

        private final HarvestListener delegate;
        private HarvestCounts soFar = HarvestCounts.NONE;

        CountingListener(HarvestListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void page(PageProgress progress) {
            soFar = progress.soFar();
            delegate.page(progress);
        }

        @Override
        public void rejected(String source, String reason) {
            delegate.rejected(source, reason);
        }

        @Override
        public void warned(String source, String reason) {
            delegate.warned(source, reason);
        }
    }
}
