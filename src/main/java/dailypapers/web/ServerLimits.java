package dailypapers.web;

import java.time.Duration;

/**
 * How much work the server takes on at once, so that overload is shed with a quick 503 instead of a queue that
 * grows without bound: at most {@code concurrentRequests} handled at a time, at most {@code queuedRequests} waiting
 * for a turn, none of them longer than {@code queueTimeout}; and how long a connection that sends or reads nothing
 * keeps its place ({@code idleTimeout}).
 */
public record ServerLimits(int concurrentRequests, int queuedRequests, Duration queueTimeout, Duration idleTimeout) {

    /** What {@code Config} starts from when nothing is set. */
    public static final ServerLimits DEFAULTS = new ServerLimits(64, 512, Duration.ofSeconds(2),
            Duration.ofSeconds(30));

    public ServerLimits {
        if (concurrentRequests < 1 || queuedRequests < 0 || queueTimeout.isNegative() || queueTimeout.isZero()
                || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("server limits must be positive: " + this);
        }
    }
}
