package dailypapers.ratelimit;

import java.time.Duration;
import java.time.Instant;

/** Where the rate limits' counts are kept (the rate_limit table). */
public interface RateLimitStore {

    /**
     * Counts one hit in {@code bucket}'s fixed window, starting a new window at {@code now} when the current one
     * started {@code window} or longer ago; atomic, so concurrent hits on any node are all counted.
     */
    Window hit(String bucket, Instant now, Duration window);

    /** Forgets buckets whose window started before {@code before}; returns how many. */
    int sweep(Instant before);

    /** A bucket's window after a hit: when it started and how many hits it holds. */
    record Window(Instant start, int hits) {
    }
}
