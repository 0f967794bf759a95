package dailypapers.account;

import dailypapers.text.CleanText;

/**
 * The name shown beside a member's contributions: cleaned by {@link CleanText} (no controls, no bidirectional
 * overrides), runs of whitespace collapsed to one space, trimmed, then 1 to 50 characters (code points).
 */
public record DisplayName(String value) {

    public static final int MAX_LENGTH = 50;

    public DisplayName {
        value = normalise(value);
    }

    private static String normalise(String raw) {
        String name = raw == null ? "" : CleanText.line(raw);
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw new AccountException(AccountException.Code.DISPLAY_NAME_INVALID,
                    "a display name has 1 to " + MAX_LENGTH + " characters");
        }
        return name;
    }

    @Override
    public String toString() {
        return value;
    }
}
