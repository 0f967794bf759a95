package dailypapers.ops;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A check answered on every probe but within a deadline: a database that hangs makes the probe say so after
 * {@code timeout} instead of holding it for the pool's connection timeout. At most one run is in flight: probes that
 * arrive while it runs wait for the same run, so a hung database costs one waiting thread, not one per probe.
 */
final class BoundedCheck {

    private final Supplier<Check> check;
    private final Duration timeout;
    private CompletableFuture<Check> inFlight;

    BoundedCheck(Supplier<Check> check, Duration timeout) {
        this.check = check;
        this.timeout = timeout;
    }

    Check get() {
        try {
            return run().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Check.down("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Check.down(String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.unknown("interrupted");
        }
    }

    private synchronized CompletableFuture<Check> run() {
        if (inFlight == null || inFlight.isDone()) {
            CompletableFuture<Check> next = new CompletableFuture<>();
            Thread.ofVirtual().name("readiness-check").start(() -> {
                try {
                    next.complete(check.get());
                } catch (RuntimeException e) {
                    next.completeExceptionally(e);
                }
            });
            inFlight = next;
        }
        return inFlight;
    }
}
