package dailypapers.job;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.job.JobScheduler.Outcome;
import dailypapers.store.Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two schedulers on one database behave as two app nodes: each job runs once per tick across them, a running job
 * is never started on the other node, and a node that dies loses its lease within one lease duration. Run on
 * SQLite and PostgreSQL; each "node" has its own connection pool.
 */
abstract class JobSchedulerContract extends DatabaseContract {

    private static final Duration LEASE = Duration.ofMillis(900);
    private static final Duration INTERVAL = Duration.ofMillis(1_200);

    private final List<AutoCloseable> open = new ArrayList<>();

    protected JobSchedulerContract(TestDatabase kind) {
        super(kind);
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
    }

    /** A node: its own pool on the shared database and its own scheduler. */
    private Node node() {
        Database pool = Database.open(config(), new SimpleMeterRegistry());
        open.add(pool);
        JobScheduler scheduler = new JobScheduler(pool.leases(), LEASE);
        open.add(scheduler);
        return new Node(pool, scheduler);
    }

    private record Node(Database database, JobScheduler scheduler) {
    }

    private static Job job(String name, Job.Stopping stopping, Job.Task task) {
        return new Job(name, name, Duration.ZERO, INTERVAL, stopping, task);
    }

    @Test
    void aJobRunsOncePerTickAcrossNodes() throws Exception {
        Node a = node();
        Node b = node();
        AtomicInteger runs = new AtomicInteger();
        a.scheduler().add(job("digest", Job.Stopping.SIGNAL, runs::incrementAndGet));
        b.scheduler().add(job("digest", Job.Stopping.SIGNAL, runs::incrementAndGet));

        CountDownLatch go = new CountDownLatch(1);
        List<Outcome> outcomes = new ArrayList<>();
        Thread other = Thread.ofPlatform().start(() -> {
            awaitQuietly(go);
            Outcome outcome = b.scheduler().runNow("digest");
            synchronized (outcomes) {
                outcomes.add(outcome);
            }
        });
        go.countDown();
        Outcome mine = a.scheduler().runNow("digest");
        other.join();
        outcomes.add(mine);

        assertThat(runs.get()).as("two nodes ticking at once run the job once").isEqualTo(1);
        assertThat(outcomes).containsOnlyOnce(Outcome.RAN);
        assertThat(a.scheduler().runNow("digest")).as("the run ended, but this tick is taken")
                .isEqualTo(Outcome.SAME_TICK);
        assertThat(b.scheduler().runNow("digest")).isEqualTo(Outcome.SAME_TICK);

        // The tick lease lapses nine tenths of an interval after the run, before this node's own next tick.
        Thread.sleep(INTERVAL.multipliedBy(9).dividedBy(10).plusMillis(100).toMillis());
        assertThat(b.scheduler().runNow("digest")).isEqualTo(Outcome.RAN);
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void aRunLongerThanHalfAnIntervalStillCountsForItsTick() {
        Node a = node();
        Node b = node();
        AtomicInteger runs = new AtomicInteger();
        a.scheduler().add(job("harvest:arxiv:cs", Job.Stopping.SIGNAL, () -> {
            runs.incrementAndGet();
            sleepQuietly(INTERVAL.multipliedBy(7).dividedBy(10));
        }));
        b.scheduler().add(job("harvest:arxiv:cs", Job.Stopping.SIGNAL, runs::incrementAndGet));

        assertThat(a.scheduler().runNow("harvest:arxiv:cs")).isEqualTo(Outcome.RAN);

        assertThat(b.scheduler().runNow("harvest:arxiv:cs")).as("the other node, ticking as the long run ends")
                .isEqualTo(Outcome.SAME_TICK);
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void aRunningJobKeepsItsLeaseAndIsNotStartedElsewhere() throws Exception {
        Node a = node();
        Node b = node();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        a.scheduler().add(job("harvest:hf", Job.Stopping.SIGNAL, () -> {
            started.countDown();
            awaitQuietly(release);
        }));
        AtomicInteger runsOnB = new AtomicInteger();
        b.scheduler().add(job("harvest:hf", Job.Stopping.SIGNAL, runsOnB::incrementAndGet));
        Thread running = Thread.ofPlatform().start(() -> a.scheduler().runNow("harvest:hf"));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        // Longer than the lease: only the keep-alive keeps it from lapsing.
        Thread.sleep(LEASE.multipliedBy(2).toMillis());
        assertThat(b.scheduler().runNow("harvest:hf")).isEqualTo(Outcome.LEASE_HELD);
        assertThat(b.scheduler().runExclusive("harvest:hf", () -> "by hand")).as("a run by hand waits its turn")
                .isEmpty();
        assertThat(runsOnB.get()).isZero();

        release.countDown();
        running.join();
        assertThat(b.scheduler().runExclusive("harvest:hf", () -> "by hand")).contains("by hand");
    }

    @Test
    void aNodeThatDiesLosesItsLeaseWithinOneLeaseDuration() throws Exception {
        Node a = node();
        Node b = node();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        a.scheduler().add(job("embedding", Job.Stopping.SIGNAL, () -> {
            started.countDown();
            awaitQuietly(release);
        }));
        AtomicInteger runsOnB = new AtomicInteger();
        b.scheduler().add(job("embedding", Job.Stopping.SIGNAL, runsOnB::incrementAndGet));
        Thread running = Thread.ofPlatform().start(() -> a.scheduler().runNow("embedding"));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(b.scheduler().runNow("embedding")).isEqualTo(Outcome.LEASE_HELD);

        // Node a loses its database, as a node does when it dies: it can no longer extend its lease.
        a.database().close();
        long died = System.nanoTime();
        Outcome outcome = Outcome.LEASE_HELD;
        while (outcome != Outcome.RAN && System.nanoTime() - died < TimeUnit.SECONDS.toNanos(10)) {
            Thread.sleep(50);
            outcome = b.scheduler().runNow("embedding");
        }
        Duration takeover = Duration.ofNanos(System.nanoTime() - died);

        assertThat(outcome).isEqualTo(Outcome.RAN);
        assertThat(runsOnB.get()).isEqualTo(1);
        // The lease was last extended at most a third of a lease before the death, so it lapses within one lease.
        assertThat(takeover).isLessThanOrEqualTo(LEASE.plusMillis(300));
        release.countDown();
        running.join();
    }

    @Test
    void aTickWithoutItsDatabaseFailsWithoutThrowingAndRunsNothing() {
        Node a = node();
        AtomicInteger runs = new AtomicInteger();
        a.scheduler().add(job("digest", Job.Stopping.SIGNAL, runs::incrementAndGet));
        a.database().close();

        assertThat(a.scheduler().runNow("digest")).isEqualTo(Outcome.FAILED);
        assertThat(runs.get()).isZero();
    }

    @Test
    void scheduledTicksRunEveryJobAndAFailingJobNeitherStopsItsScheduleNorBlocksAnother() throws Exception {
        Node a = node();
        CountDownLatch failures = new CountDownLatch(2);
        CountDownLatch healthy = new CountDownLatch(2);
        a.scheduler().add(new Job("failing", "failing", Duration.ZERO, Duration.ofMillis(10), Job.Stopping.SIGNAL,
                () -> {
                    failures.countDown();
                    throw new IllegalStateException("upstream is down");
                }));
        a.scheduler().add(new Job("hanging", "hanging", Duration.ZERO, Duration.ofMillis(10),
                Job.Stopping.INTERRUPT, () -> awaitQuietly(new CountDownLatch(1))));
        a.scheduler().add(new Job("healthy", "healthy", Duration.ZERO, Duration.ofMillis(10), Job.Stopping.SIGNAL,
                healthy::countDown));

        a.scheduler().start();

        assertThat(failures.await(10, TimeUnit.SECONDS)).as("a failing job runs again at its next tick").isTrue();
        assertThat(healthy.await(10, TimeUnit.SECONDS)).as("a hanging job blocks no other").isTrue();
    }

    @Test
    void closeStopsEachRunningJobAsItsJobSaysAndWaitsForIt() throws Exception {
        Node a = node();
        CountDownLatch bothRunning = new CountDownLatch(2);
        AtomicInteger signalled = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        CountDownLatch stopSignal = new CountDownLatch(1);
        a.scheduler().add(new Job("index", "index", Duration.ZERO, INTERVAL, Job.Stopping.SIGNAL, new Job.Task() {
            @Override
            public void run() {
                bothRunning.countDown();
                awaitQuietly(stopSignal);
                // Work that must not be cut off finishes its batch after the signal; an interrupt would show here.
                if (Thread.currentThread().isInterrupted()) {
                    interrupted.incrementAndGet();
                }
                signalled.incrementAndGet();
            }

            @Override
            public void stop() {
                stopSignal.countDown();
            }
        }));
        a.scheduler().add(new Job("harvest", "harvest", Duration.ZERO, INTERVAL, Job.Stopping.INTERRUPT, () -> {
            bothRunning.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            }
        }));
        a.scheduler().start();
        assertThat(bothRunning.await(10, TimeUnit.SECONDS)).isTrue();

        a.scheduler().close();

        assertThat(signalled.get()).as("the signalled job ended its work before close returned").isEqualTo(1);
        assertThat(interrupted.get()).as("only the interruptible job was interrupted").isEqualTo(1);
        assertThat(a.scheduler().runNow("index")).isEqualTo(Outcome.CLOSED);
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
