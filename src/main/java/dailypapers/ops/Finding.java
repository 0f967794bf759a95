package dailypapers.ops;

import java.util.Locale;
import java.util.Optional;

/** One line of the doctor's report: what was checked, how it stands, and for a warning or failure what to do. */
public record Finding(String check, Level level, String message, Optional<String> fix) {

    public enum Level {
        OK,
        /** Works, but not as an instance that others use should: mail to files, a migration pending. */
        WARN,
        /** Broken, or about to break: nothing to serve from, no room to write. */
        FAIL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Finding ok(String check, String message) {
        return new Finding(check, Level.OK, message, Optional.empty());
    }

    public static Finding warn(String check, String message, String fix) {
        return new Finding(check, Level.WARN, message, Optional.of(fix));
    }

    public static Finding fail(String check, String message, String fix) {
        return new Finding(check, Level.FAIL, message, Optional.of(fix));
    }
}
