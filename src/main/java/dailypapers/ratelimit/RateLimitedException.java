package dailypapers.ratelimit;

import java.time.Duration;

/** A limit was reached; the client may try again after {@link #retryAfter()}. */
public final class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("Too many attempts; try again in " + describe(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    private static String describe(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        if (seconds < 120) {
            return seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        return minutes < 120 ? minutes + " minutes" : (minutes + 59) / 60 + " hours";
    }
}
