package dailypapers.account;

import java.time.Duration;

/**
 * Member account settings, read by {@code Config} from the {@code account.*} keys.
 *
 * @param sessionLifetime a session ends this long after sign-in, however much it is used
 * @param touchInterval   a session's last-seen time is written at most once per this interval, so that reading
 *                        pages does not write to the database on every request
 */
public record AccountSettings(Duration sessionLifetime, Duration touchInterval) {

    public AccountSettings {
        if (!sessionLifetime.isPositive() || touchInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "the session lifetime must be positive, the touch interval not negative");
        }
    }
}
