package dailypapers.submission;

import java.util.Locale;

/** Where an authorship claim stands: waiting for a moderator, or decided. */
public enum ClaimState {
    PENDING, CONFIRMED, REJECTED;

    /** The name stored: {@code pending}, {@code confirmed}, {@code rejected}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ClaimState of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
