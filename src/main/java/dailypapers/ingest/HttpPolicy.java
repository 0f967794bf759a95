package dailypapers.ingest;

import java.time.Duration;

/**
 * How politely and how persistently to talk to one upstream.
 *
 * @param minInterval      the least time between two requests (arXiv asks for 3 s)
 * @param maxAttempts      tries per request on network errors, timeouts, 5xx and malformed bodies
 * @param backoffBase      the wait before the second try; it doubles per try, with jitter, up to
 *                         {@code backoffMax}
 * @param maxRetryAfter    the longest a 503/429 Retry-After is honoured; longer asks count as a failure
 * @param circuitFailures  failed tries in a row that open the circuit
 * @param circuitOpenFor   how long an open circuit holds requests back before one trial request
 */
public record HttpPolicy(Duration connectTimeout, Duration readTimeout, Duration minInterval, int maxAttempts,
        Duration backoffBase, Duration backoffMax, Duration maxRetryAfter, int circuitFailures,
        Duration circuitOpenFor) {

    /** Retry-After answers honoured per request before giving up; they do not count as failures. */
    public static final int MAX_RETRY_AFTER_WAITS = 10;

    public HttpPolicy {
        if (maxAttempts < 1 || circuitFailures < 1) {
            throw new IllegalArgumentException("attempts and circuit failures must be at least 1");
        }
        if (minInterval.isNegative() || backoffBase.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    public HttpPolicy withMinInterval(Duration interval) {
        return new HttpPolicy(connectTimeout, readTimeout, interval, maxAttempts, backoffBase, backoffMax,
                maxRetryAfter, circuitFailures, circuitOpenFor);
    }
}
