package dailypapers.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each harvester on its own schedule in {@code serve}: a fixed delay between the end of one run and the start
 * of the next, on one thread per source, so a slow or failing source never delays another.
 *
 * <p>Only this process is coordinated: two instances on one database would both harvest (harmlessly, since
 * upserts are idempotent, but twice the upstream load). Running several app nodes needs a cluster-wide lock per
 * source, for example a lease row in harvest_checkpoint; until then, enable harvesting on one node only.
 */
public final class HarvestJob implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HarvestJob.class);
    private static final long STOP_TIMEOUT_SECONDS = 10;

    /** A harvester and the pause between its runs. */
    public record Schedule(Harvester harvester, Duration interval) {
    }

    private final List<ScheduledExecutorService> executors = new ArrayList<>();

    private HarvestJob() {
    }

    /** Starts every schedule; the first runs begin after {@code initialDelay}. */
    public static HarvestJob start(List<Schedule> schedules, HarvestRunner runner, Duration initialDelay) {
        HarvestJob job = new HarvestJob();
        for (Schedule schedule : schedules) {
            String source = schedule.harvester().source();
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "harvest-" + source);
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(() -> runSafely(runner, schedule.harvester()), initialDelay.toMillis(),
                    schedule.interval().toMillis(), TimeUnit.MILLISECONDS);
            job.executors.add(executor);
            log.info("harvesting {} every {} min", source, schedule.interval().toMinutes());
        }
        return job;
    }

    /** A periodic task that throws is never run again; the runner already catches, this is the last guard. */
    private static void runSafely(HarvestRunner runner, Harvester harvester) {
        try {
            runner.run(harvester, HarvestListener.NONE);
        } catch (RuntimeException | Error e) {
            log.error("{}: scheduled harvest failed unexpectedly", harvester.source(), e);
        }
    }

    /** Interrupts running harvests (they stop at their next request; checkpoints keep what they stored). */
    @Override
    public void close() {
        executors.forEach(ScheduledExecutorService::shutdownNow);
        for (ScheduledExecutorService executor : executors) {
            try {
                if (!executor.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    log.warn("a harvest did not stop within {} s", STOP_TIMEOUT_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
