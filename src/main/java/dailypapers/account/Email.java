package dailypapers.account;

import java.util.Locale;

/**
 * An email address, normalised: surrounding whitespace trimmed and the whole address in lower case, so that two
 * spellings of one mailbox are one member. (The local part is case-sensitive in theory; no mail provider in use
 * treats it so, and telling members apart by it would only let one person hold two accounts.) The check is
 * deliberately loose (one {@code @}, something on each side, a dot in the domain, no spaces or controls): the
 * verification mail, once it exists, is the real test.
 */
public record Email(String value) {

    /** RFC 5321 caps a forward path at 256 octets, brackets included. */
    public static final int MAX_LENGTH = 254;

    public Email {
        value = normalise(value);
    }

    private static String normalise(String raw) {
        if (raw == null) {
            throw invalid();
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        int at = email.indexOf('@');
        if (email.length() > MAX_LENGTH || at < 1 || at != email.lastIndexOf('@') || at == email.length() - 1) {
            throw invalid();
        }
        String domain = email.substring(at + 1);
        if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            throw invalid();
        }
        if (email.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT)) {
            throw invalid();
        }
        return email;
    }

    private static AccountException invalid() {
        return new AccountException(AccountException.Code.EMAIL_INVALID,
                "enter an email address such as ada@example.org");
    }

    @Override
    public String toString() {
        return value;
    }
}
