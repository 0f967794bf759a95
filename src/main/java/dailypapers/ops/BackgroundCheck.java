package dailypapers.ops;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A check that is slow or costs the other side something (an SMTP session, a database read): it runs in the
 * background at most once per interval, started by a read that finds the last result stale, and a read never
 * waits for it. A load balancer that probes every second then opens one SMTP session per interval, not one per
 * probe, and never waits on a slow mail server. Until the first run ends, the result is {@link Check.State#UNKNOWN}.
 */
final class BackgroundCheck<T> {

    private final Supplier<T> check;
    private final Duration interval;
    private final LongSupplier nanoTime;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile T last;
    /** When the last run started, by {@code nanoTime}; meaningful only once {@code started} is set. */
    private volatile long lastStart;
    private volatile boolean started;

    /** @param check runs on a virtual thread; it must not throw (say what went wrong in its result) */
    BackgroundCheck(Supplier<T> check, Duration interval, T initial, LongSupplier nanoTime) {
        this.check = check;
        this.interval = interval;
        this.last = initial;
        this.nanoTime = nanoTime;
    }

    BackgroundCheck(Supplier<T> check, Duration interval, T initial) {
        this(check, interval, initial, System::nanoTime);
    }

    /** The last result; starts a new run when it is older than the interval and none is running. */
    T get() {
        long now = nanoTime.getAsLong();
        if ((!started || now - lastStart >= interval.toNanos()) && running.compareAndSet(false, true)) {
            started = true;
            lastStart = now;
            Thread.ofVirtual().name("readiness-check").start(() -> {
                try {
                    last = check.get();
                } finally {
                    running.set(false);
                }
            });
        }
        return last;
    }
}
