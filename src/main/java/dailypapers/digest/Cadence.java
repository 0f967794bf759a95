package dailypapers.digest;

import java.util.Locale;
import java.util.Optional;

/** How often a subscriber gets a digest. */
public enum Cadence {
    /** Every weekday morning (Monday to Friday), like Hugging Face's newsletter. */
    DAILY,
    /** Every Monday morning. */
    WEEKLY;

    /** When digests come, as pages and mails say it: "every weekday morning". */
    public String describe() {
        return switch (this) {
            case DAILY -> "every weekday morning";
            case WEEKLY -> "every Monday morning";
        };
    }

    /** The stored and submitted spelling: {@code daily}, {@code weekly}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Cadence> parse(String key) {
        for (Cadence cadence : values()) {
            if (cadence.key().equals(key)) {
                return Optional.of(cadence);
            }
        }
        return Optional.empty();
    }
}
