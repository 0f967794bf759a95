package dailypapers.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one scheduler of background work (harvests, index sync, embedding; digests next), safe on several nodes
 * sharing one database.
 *
 * <p>Each run holds a lease, a row in the database taken through ShedLock, for as long as it runs: the lease is
 * taken for the lease duration and extended every third of it while the run goes on, so a node that dies (or
 * loses its database) loses the lease within one lease duration, and another node's next tick takes over. A
 * second, "tick" lease is held the same way during the run and then for nine tenths of the job's interval after
 * it, so that nodes whose timers fire at different moments still run a job about once per interval, not once per
 * node.
 *
 * <p>Lease times come from the system clock (ShedLock's), never from the application's clock, which tests fix in
 * the past; nodes must keep their clocks in sync (NTP), as ShedLock requires.
 *
 * <p>Shutdown ({@link #close()}) is one rule for every job: no new run starts, each running run is told to end as
 * its job's {@link Job.Stopping} says, and every run is awaited before close returns.
 */
public final class JobScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    /** A dead node's lease lapses at most this long after it last extended it. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    /** How long close() waits for running runs before it logs that it is still waiting. */
    private static final Duration STOP_REPORT_INTERVAL = Duration.ofSeconds(10);

    /** What one attempt to run a job did. */
    public enum Outcome {
        /** The run happened and ended normally. */
        RAN,
        /** The run happened and threw; logged, and retried at the next tick. */
        FAILED,
        /** This node is running the job already. */
        RUNNING_HERE,
        /** Another node (or process) holds the job's lease: it is running there. */
        LEASE_HELD,
        /** Another node ran the job in this tick already. */
        SAME_TICK,
        /** The scheduler is closing. */
        CLOSED
    }

    private final LockProvider leases;
    private final Duration leaseDuration;
    private final Map<String, Registered> jobs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService keepAlive;
    private volatile boolean started;
    private volatile boolean closed;

    /**
     * @param leases        ShedLock's provider over the database's lease table; must support extending locks
     * @param leaseDuration how long a lease lasts without being extended
     */
    public JobScheduler(LockProvider leases, Duration leaseDuration) {
        if (leaseDuration.toMillis() < 300) {
            throw new IllegalArgumentException("a lease must last at least 300 ms, got " + leaseDuration);
        }
        this.leases = leases;
        this.leaseDuration = leaseDuration;
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(daemon("job-leases"));
    }

    /** Adds a job; its ticks begin at {@link #start()} (at once when the scheduler has started). */
    public synchronized void add(Job job) {
        if (closed) {
            throw new IllegalStateException("the scheduler is closed");
        }
        Registered registered = new Registered(job);
        if (jobs.putIfAbsent(job.name(), registered) != null) {
            throw new IllegalArgumentException("a job named " + job.name() + " exists already");
        }
        if (started) {
            registered.schedule(this);
        }
    }

    /** Starts every job's ticks: the first after its first-run delay, then one interval after each run ends. */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        jobs.values().forEach(r -> r.schedule(this));
    }

    public List<String> jobNames() {
        return List.copyOf(jobs.keySet());
    }

    /**
     * Runs a tick of the job now, on this thread, under the same rules as a scheduled tick (its lease, once per
     * tick across nodes): what tests and operators use instead of waiting for the schedule.
     */
    public Outcome runNow(String name) {
        Registered registered = jobs.get(name);
        if (registered == null) {
            throw new IllegalArgumentException("no job named " + name + "; jobs: " + jobNames());
        }
        return tick(registered);
    }

    /**
     * Runs {@code work} on this thread while holding {@code lease}, outside any schedule: a harvest or an embedding
     * run started by hand from the command line, which must not overlap the same job on a server. Empty when the
     * lease is held elsewhere.
     */
    public <T> Optional<T> runExclusive(String lease, Supplier<T> work) {
        if (closed) {
            return Optional.empty();
        }
        Optional<Held> held = take(lease);
        if (held.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.get());
        } finally {
            held.get().release();
        }
    }

    private Outcome tick(Registered registered) {
        if (closed) {
            return Outcome.CLOSED;
        }
        Job job = registered.job;
        if (!registered.running.tryLock()) {
            return Outcome.RUNNING_HERE;
        }
        // Set before closed is read again: close() either sees this runner and stops it, or this tick sees closed.
        registered.runner = Thread.currentThread();
        try {
            if (closed) {
                return Outcome.CLOSED;
            }
            Optional<Held> run;
            try {
                run = take(job.lease());
            } catch (RuntimeException e) {
                log.warn("job {}: cannot take its lease ({}); retrying at its next tick", job.name(), e.getMessage());
                return Outcome.FAILED;
            }
            if (run.isEmpty()) {
                return Outcome.LEASE_HELD;
            }
            try {
                Optional<Held> tick;
                try {
                    tick = take(tickLease(job));
                } catch (RuntimeException e) {
                    log.warn("job {}: cannot take its tick ({}); retrying at its next tick", job.name(),
                            e.getMessage());
                    return Outcome.FAILED;
                }
                if (tick.isEmpty()) {
                    return Outcome.SAME_TICK;
                }
                try {
                    job.task().run();
                    return Outcome.RAN;
                } catch (RuntimeException | Error e) {
                    log.error("job {} failed; it runs again at its next tick", job.name(), e);
                    return Outcome.FAILED;
                } finally {
                    tick.get().keepFor(tickHold(job));
                }
            } finally {
                run.get().release();
            }
        } finally {
            registered.runner = null;
            registered.running.unlock();
        }
    }

    private static String tickLease(Job job) {
        return job.lease() + ":tick";
    }

    /**
     * How long the tick lease outlives a run: most of an interval, so that another node's tick in that time skips,
     * yet this node's own next tick, one interval after the run, finds it free.
     */
    private static Duration tickHold(Job job) {
        return job.interval().multipliedBy(9).dividedBy(10);
    }

    private Optional<Held> take(String lease) {
        Optional<SimpleLock> lock = leases.lock(new LockConfiguration(ClockProvider.now(), lease, leaseDuration,
                Duration.ZERO));
        return lock.map(l -> new Held(lease, l));
    }

    /** A lease this node holds, extended in the background until released. */
    private final class Held {

        private final String lease;
        private final ScheduledFuture<?> extending;
        private SimpleLock lock;

        Held(String lease, SimpleLock lock) {
            this.lease = lease;
            this.lock = lock;
            long every = leaseDuration.toMillis() / 3;
            this.extending = keepAlive.scheduleWithFixedDelay(this::extend, every, every, TimeUnit.MILLISECONDS);
        }

        private synchronized void extend() {
            if (lock == null) {
                return;
            }
            try {
                Optional<SimpleLock> extended = lock.extend(leaseDuration, Duration.ZERO);
                if (extended.isPresent()) {
                    lock = extended.get();
                } else {
                    lock = null;
                    log.error("lost the lease {}: another node may start the same work", lease);
                }
            } catch (RuntimeException e) {
                log.warn("cannot extend the lease {} (it lapses at {} unless a later try succeeds): {}", lease,
                        Instant.now().plus(leaseDuration), e.getMessage());
            }
        }

        /** Stops extending and gives the lease up. */
        synchronized void release() {
            extending.cancel(false);
            if (lock != null) {
                try {
                    lock.unlock();
                } catch (RuntimeException e) {
                    log.warn("cannot release the lease {}; it lapses on its own: {}", lease, e.getMessage());
                }
                lock = null;
            }
        }

        /** Stops extending and leaves the lease held for {@code hold} more, after which it lapses. */
        synchronized void keepFor(Duration hold) {
            extending.cancel(false);
            if (lock != null) {
                try {
                    lock.extend(hold, hold);
                } catch (RuntimeException e) {
                    log.warn("cannot keep the lease {} for {}: {}", lease, hold, e.getMessage());
                }
                lock = null;
            }
        }
    }

    /**
     * Stops the scheduler: no tick starts any more, running runs are told to end (interrupted or signalled, as
     * their job says) and awaited, however long they take, so that nothing they use is released under them.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (Registered registered : jobs.values()) {
            registered.cancelTicks();
            Thread runner = registered.runner;
            if (runner != null) {
                switch (registered.job.stopping()) {
                    case INTERRUPT -> runner.interrupt();
                    case SIGNAL -> registered.job.task().stop();
                }
            }
        }
        for (Registered registered : jobs.values()) {
            registered.awaitEnd();
        }
        keepAlive.shutdownNow();
    }

    /** A job, its timer and the run in progress on this node. */
    private static final class Registered {

        private final Job job;
        private final ReentrantLock running = new ReentrantLock();
        private volatile Thread runner;
        private ScheduledExecutorService timer;

        Registered(Job job) {
            this.job = job;
        }

        synchronized void schedule(JobScheduler scheduler) {
            timer = Executors.newSingleThreadScheduledExecutor(daemon("job-" + job.name()));
            // A periodic task that throws is never run again: nothing may escape a tick.
            timer.scheduleWithFixedDelay(() -> {
                try {
                    scheduler.tick(this);
                } catch (RuntimeException | Error e) {
                    log.error("job {}: its tick failed; retrying at the next", job.name(), e);
                }
            }, job.firstRunDelay().toMillis(), job.interval().toMillis(), TimeUnit.MILLISECONDS);
        }

        synchronized void cancelTicks() {
            if (timer != null) {
                timer.shutdown();
            }
        }

        /** Waits for a run in progress, on the timer or a thread that called runNow, to end. */
        void awaitEnd() {
            boolean interrupted = Thread.interrupted();
            try {
                while (true) {
                    try {
                        if (running.tryLock(STOP_REPORT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                            running.unlock();
                            break;
                        }
                        log.info("waiting for job {} to finish its current work", job.name());
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                ScheduledExecutorService t;
                synchronized (this) {
                    t = timer;
                }
                if (t != null) {
                    while (!t.awaitTermination(STOP_REPORT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                        log.info("waiting for job {} to finish its current work", job.name());
                    }
                }
            } catch (InterruptedException e) {
                interrupted = true;
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
