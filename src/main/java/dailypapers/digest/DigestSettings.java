package dailypapers.digest;

import java.time.Duration;
import java.util.Objects;

/**
 * Digest settings, read by {@code Config} from the {@code digest.*} keys.
 *
 * @param enabled          whether {@code serve} composes and sends digests on its own schedule
 * @param schedule         the local hour digests are due at
 * @param confirmLink      how long the link that confirms a subscription works
 * @param preferencesLink  how long the preferences and unsubscribe links in a mail work
 * @param lookbackDays     a first digest covers this many days
 * @param sectionSize      the most papers in one section of a digest
 * @param subscribeLimits  how many subscriptions one client address, and one email, may ask for per hour
 */
public record DigestSettings(boolean enabled, Schedule schedule, Duration confirmLink, Duration preferencesLink,
        int lookbackDays, int sectionSize, Limits subscribeLimits) {

    public static final DigestSettings DEFAULTS = new DigestSettings(true, new Schedule(7), Duration.ofHours(48),
            Duration.ofDays(90), 7, 10, new Limits(20, 3, Duration.ofHours(1)));

    public DigestSettings {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(subscribeLimits, "subscribeLimits");
        if (!confirmLink.isPositive() || !preferencesLink.isPositive() || lookbackDays < 1 || sectionSize < 1) {
            throw new IllegalArgumentException("link lifetimes, the look-back and the section size must be positive");
        }
    }

    public DigestSettings withEnabled(boolean on) {
        return new DigestSettings(on, schedule, confirmLink, preferencesLink, lookbackDays, sectionSize,
                subscribeLimits);
    }

    /** Subscribe requests allowed per {@code window}, per client address and per email. */
    public record Limits(int perAddress, int perEmail, Duration window) {
    }
}
