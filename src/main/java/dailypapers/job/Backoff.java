package dailypapers.job;

import java.time.Duration;

/** How long a job waits before trying a failed item again. */
public final class Backoff {

    private Backoff() {
    }

    /** The wait after the n-th failure in a row: {@code first} doubled per earlier failure, at most {@code max}. */
    public static Duration doubling(Duration first, Duration max, int failures) {
        int doublings = Math.min(failures - 1, 20);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
