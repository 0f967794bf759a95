package dailypapers.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Fixed-window rate limits kept in the database: a bucket (say {@code "comment:member:42"}) allows {@code max} hits
 * per window. A fixed window lets a client make up to twice the limit across a window's edge; that is accepted for
 * limits meant against floods and guessing, in exchange for one atomic statement per check.
 */
public final class RateLimiter {

    private final RateLimitStore store;
    private final Clock clock;

    public RateLimiter(RateLimitStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Counts a hit; throws {@link RateLimitedException} when it is one more than {@code max} in this window. */
    public void check(String bucket, int max, Duration window) {
        Instant now = clock.instant();
        RateLimitStore.Window current = store.hit(bucket, now, window);
        if (current.hits() > max) {
            Duration wait = Duration.between(now, current.start().plus(window));
            throw new RateLimitedException(wait.isNegative() ? Duration.ZERO : wait);
        }
    }
}
