package dailypapers.ingest;

import java.time.Duration;

/** Waits; harvesters take one so tests can run politeness delays and backoff without real sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
