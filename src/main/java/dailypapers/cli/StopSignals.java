package dailypapers.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Stops a long-running command gracefully on SIGTERM, SIGINT (Ctrl-C) and SIGHUP, before the JVM's shutdown
 * begins. A shutdown hook is not enough: ONNX Runtime registers a hook of its own that releases its native
 * environment, and hooks run in parallel, so a hook that waits for an encode in flight loses the race and the JVM
 * dies in native code (SIGSEGV or SIGBUS, an hs_err file). Here the work stops and the model is closed first; then
 * the JVM exits with the usual status for the signal (128 + its number), running the remaining hooks.
 */
final class StopSignals {

    private StopSignals() {
    }

    /**
     * On a stop signal, interrupts {@code worker} (work that stops at its next request and keeps what it stored,
     * such as a harvest) and waits for {@code finished}, so that the app closes and releases its leases before the
     * JVM ends.
     */
    static void interrupt(Thread worker, CountDownLatch finished) {
        install(() -> {
            worker.interrupt();
            awaitQuietly(finished);
        });
    }

    /** Waits up to a minute for {@code latch}; an interrupt ends the wait. */
    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code stop} once, on the first of these signals, then exits; later signals wait for it. */
    static void install(Runnable stop) {
        AtomicBoolean stopping = new AtomicBoolean();
        for (String name : new String[] {"TERM", "INT", "HUP"}) {
            Signal.handle(new Signal(name), signal -> {
                if (!stopping.compareAndSet(false, true)) {
                    return;
                }
                try {
                    stop.run();
                } finally {
                    System.exit(128 + signal.getNumber());
                }
            });
        }
    }
}
