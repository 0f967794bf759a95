package dailypapers.library;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who may read a collection: its owner only (the default), or anyone with its link. */
public enum Visibility {
    PRIVATE, PUBLIC;

    /** The name stored and sent by forms: {@code private}, {@code public}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Visibility> of(String key) {
        return Arrays.stream(values()).filter(v -> v.key().equals(key)).findFirst();
    }
}
