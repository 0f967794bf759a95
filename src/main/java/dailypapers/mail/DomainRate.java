package dailypapers.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How many messages went to each recipient domain in the current minute, in fixed one-minute windows. In memory:
 * one node sends (the job's lease), and after a restart at most one window's worth goes early.
 */
final class DomainRate {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perWindow;
    private final Map<String, Integer> counts = new HashMap<>();
    private Instant window = Instant.MIN;

    DomainRate(int perWindow) {
        this.perWindow = perWindow;
    }

    /** True when the recipient's domain has had its share of the window {@code now} falls in. */
    boolean isExhausted(String recipient, Instant now) {
        roll(now);
        return counts.getOrDefault(domain(recipient), 0) >= perWindow;
    }

    /** Counts a message handed to the transport. */
    void count(String recipient, Instant now) {
        roll(now);
        counts.merge(domain(recipient), 1, Integer::sum);
    }

    /** When the window after the one {@code now} falls in begins. */
    static Instant nextWindow(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES).plus(WINDOW);
    }

    private void roll(Instant now) {
        Instant current = now.truncatedTo(ChronoUnit.MINUTES);
        if (!current.equals(window)) {
            window = current;
            counts.clear();
        }
    }

    static String domain(String recipient) {
        return recipient.substring(recipient.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
