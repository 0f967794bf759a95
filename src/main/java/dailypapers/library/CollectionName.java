package dailypapers.library;

import dailypapers.text.CleanText;
import java.util.Locale;

/**
 * The name of a collection: cleaned by {@link CleanText} (no controls, no bidirectional overrides), whitespace
 * collapsed, trimmed, then 1 to {@value #MAX_LENGTH} characters (code points). Names are unique per member whatever
 * their case: {@link #key()} is what the database compares.
 */
public record CollectionName(String value) {

    public static final int MAX_LENGTH = 80;

    public CollectionName {
        String name = value == null ? "" : CleanText.line(value);
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw new LibraryException(LibraryException.Code.NAME_INVALID,
                    "A collection's name has 1 to " + MAX_LENGTH + " characters.");
        }
        value = name;
    }

    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
