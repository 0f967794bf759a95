package dailypapers.job;

import java.time.Duration;
import java.util.Objects;

/**
 * A background task of the one {@link JobScheduler}: what runs, how often, under which lease, and how it is
 * stopped at shutdown.
 *
 * @param name          unique among the scheduler's jobs; used in logs and to trigger a run by hand
 * @param lease         the database lease a run holds: two runs holding the same lease never overlap, on any node.
 *                      Work that every node does for itself (a node's own search index) names a lease of its own.
 * @param firstRunDelay pause before the first run after {@link JobScheduler#start()}
 * @param interval      pause between the end of one run and the next tick on this node
 * @param stopping      how a running run is ended at shutdown
 */
public record Job(String name, String lease, Duration firstRunDelay, Duration interval, Stopping stopping,
        Task task) {

    public Job {
        Objects.requireNonNull(name);
        Objects.requireNonNull(lease);
        Objects.requireNonNull(stopping);
        Objects.requireNonNull(task);
        if (interval.isNegative() || interval.isZero() || firstRunDelay.isNegative()) {
            throw new IllegalArgumentException("job " + name + " needs a positive interval and a first-run delay"
                    + " of zero or more, got " + interval + " and " + firstRunDelay);
        }
    }

    /** One run of the job. Failures are logged by the scheduler; the next tick runs it again. */
    @FunctionalInterface
    public interface Task {

        void run();

        /** Asks a run in progress, on another thread, to end soon (for {@link Stopping#SIGNAL}). */
        default void stop() {
        }

        /** A task that runs {@code run} and is asked to end by {@code stop}. */
        static Task of(Runnable run, Runnable stop) {
            return new Task() {
                @Override
                public void run() {
                    run.run();
                }

                @Override
                public void stop() {
                    stop.run();
                }
            };
        }
    }

    /** The one shutdown rule, per kind of work: every running run is told to end, then awaited. */
    public enum Stopping {
        /**
         * The run's thread is interrupted: for work that waits on the network and keeps what it stored (a harvest
         * resumes from its checkpoint).
         */
        INTERRUPT,
        /**
         * {@link Task#stop()} is called and the thread is never interrupted: for work that must not be cut off in
         * file I/O or native code (the search index, the embedding model), and ends after its current batch.
         */
        SIGNAL
    }
}
