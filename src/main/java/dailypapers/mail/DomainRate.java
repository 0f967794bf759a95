package dailypapers.mail;

import dailypapers.ratelimit.RateLimitStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How many messages went to each recipient domain in the current clock minute, counted in the shared rate limits'
 * table: one node sends at a time (the job's lease), but one run may be on one node and the next, in the same
 * minute, on another, so a count kept in memory would let each node send a domain its share.
 */
final class DomainRate {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimitStore counts;
    private final int perWindow;

    DomainRate(RateLimitStore counts, int perWindow) {
        this.counts = counts;
        this.perWindow = perWindow;
    }

    /**
     * Counts a message to the recipient's domain in the minute {@code now} falls in; false when the domain has had its
     * share of that minute, and the message must wait for the next.
     */
    boolean take(String recipient, Instant now) {
        String bucket = "mail:domain:" + domain(recipient) + ":" + now.truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
        return counts.hit(bucket, now, WINDOW).hits() <= perWindow;
    }

    /** When the window after the one {@code now} falls in begins. */
    static Instant nextWindow(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES).plus(WINDOW);
    }

    static String domain(String recipient) {
        return recipient.substring(recipient.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
