package dailypapers.account;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Member account settings, read by {@code Config} from the {@code account.*} keys and {@code http.base.url}.
 *
 * @param sessionLifetime a session ends this long after sign-in, however much it is used
 * @param touchInterval   a session's last-seen time is written at most once per this interval, so that reading
 *                        pages does not write to the database on every request
 * @param siteUrl         where members reach the site: emailed links start with it (never with the Host header a
 *                        request came with, which an attacker chooses)
 * @param linkLifetimes   how long an emailed link works, for each purpose
 * @param limits          how many sign-ins, sign-ups and mailed links an address or an account may ask for
 */
public record AccountSettings(Duration sessionLifetime, Duration touchInterval, URI siteUrl,
        Map<LinkPurpose, Duration> linkLifetimes, Limits limits) {

    /** Defaults for tests and tools: 24 h to confirm an address, 1 h for the other links. */
    public static final Map<LinkPurpose, Duration> DEFAULT_LINK_LIFETIMES = Map.of(
            LinkPurpose.VERIFY_EMAIL, Duration.ofHours(24), LinkPurpose.CHANGE_EMAIL, Duration.ofHours(24),
            LinkPurpose.RESET_PASSWORD, Duration.ofHours(1), LinkPurpose.SIGN_IN, Duration.ofHours(1));

    public AccountSettings {
        if (!sessionLifetime.isPositive() || touchInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "the session lifetime must be positive, the touch interval not negative");
        }
        Objects.requireNonNull(siteUrl);
        Objects.requireNonNull(limits);
        linkLifetimes = Map.copyOf(linkLifetimes);
        for (LinkPurpose purpose : LinkPurpose.values()) {
            if (!linkLifetimes.containsKey(purpose) || !linkLifetimes.get(purpose).isPositive()) {
                throw new IllegalArgumentException("the lifetime of a " + purpose.key() + " link must be positive");
            }
        }
    }

    /**
     * Attempts allowed per {@code window}, counted in the database so that they hold across app nodes.
     *
     * @param signInPerIp     password sign-ins from one client address
     * @param signInPerEmail  password sign-ins naming one email (guessing one member's password from many addresses)
     * @param signUpPerIp     sign-ups from one client address
     * @param mailPerIp       reset and sign-in-link requests from one client address
     * @param mailPerEmail    reset and sign-in-link requests naming one email (mail bombing one inbox)
     */
    public record Limits(int signInPerIp, int signInPerEmail, int signUpPerIp, int mailPerIp, int mailPerEmail,
            Duration window) {

        public static final Limits DEFAULT = new Limits(30, 10, 10, 10, 5, Duration.ofHours(1));

        public Limits {
            if (signInPerIp < 1 || signInPerEmail < 1 || signUpPerIp < 1 || mailPerIp < 1 || mailPerEmail < 1
                    || !window.isPositive()) {
                throw new IllegalArgumentException("every limit must be at least 1 and the window positive");
            }
        }
    }
}
