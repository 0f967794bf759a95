package dailypapers.account;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * A member's handle, as in {@code /members/{handle}}: 3 to 30 characters of {@code a-z 0-9 _ -}, after the input
 * is NFKC-normalised (full-width and other compatibility forms become ASCII) and lower-cased. Limiting handles to
 * ASCII rules out look-alikes from other scripts (a Cyrillic "а" is refused); {@link #key()} folds the look-alikes
 * left within ASCII, and the store keeps keys unique, so "adm1n", "rnod" and "ada_l" cannot pose as "admin", "mod"
 * and "ada-l". Reserved words are compared by key too ({@link #choose}).
 *
 * <p>The fold table: {@code 0→o}, {@code 1→l}, {@code i→l}, {@code rn→m}, {@code vv→w}, {@code _→-}.
 */
public record Handle(String value) {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 30;

    /** Names that would pass for the site, its staff or its paths. */
    private static final Set<String> RESERVED = Set.of("admin", "administrator", "root", "moderator", "mod",
            "staff", "support", "help", "system", "api", "about", "search", "feeds", "feed", "papers", "paper",
            "members", "member", "settings", "signin", "sign-in", "signup", "sign-up", "signout", "sign-out",
            "login", "logout", "register", "account", "user", "users", "new", "trending", "calendar", "status",
            "metrics", "health", "static", "assets", "thumbnails", "daily-papers", "dailypapers", "null",
            "anonymous", "deleted", "me", "you");
    private static final Set<String> RESERVED_KEYS = Set.copyOf(RESERVED.stream().map(Handle::fold).toList());
    /** Handles of deleted members ({@link #tombstone}) start with this; nobody chooses one. */
    private static final String TOMBSTONE_PREFIX = "deleted-";

    public Handle {
        value = normalise(value);
    }

    private static String normalise(String raw) {
        if (raw == null) {
            throw invalid();
        }
        String handle = Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (handle.length() < MIN_LENGTH || handle.length() > MAX_LENGTH
                || !handle.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
                        || c == '-')) {
            throw invalid();
        }
        return handle;
    }

    /**
     * A handle a member chooses now: also refused when it is, or looks like, a reserved word. Not checked when a
     * stored handle is read, so that a word reserved later does not make an old member unreadable.
     */
    public static Handle choose(String raw) {
        Handle handle = new Handle(raw);
        if (RESERVED_KEYS.contains(handle.key()) || handle.key().startsWith(fold(TOMBSTONE_PREFIX))) {
            throw new AccountException(AccountException.Code.HANDLE_RESERVED, "the handle '" + handle
                    + "' is reserved; choose another");
        }
        return handle;
    }

    /** The handle a deleted member's row keeps: unique by the id, and of a shape no member can choose. */
    public static Handle tombstone(long memberId) {
        return new Handle(TOMBSTONE_PREFIX + memberId);
    }

    /** The handle with look-alikes folded: two handles with one key are one handle to the eye. */
    public String key() {
        return fold(value);
    }

    private static String fold(String handle) {
        return handle.replace('0', 'o').replace('1', 'l').replace('i', 'l').replace('_', '-')
                .replace("rn", "m").replace("vv", "w");
    }

    private static AccountException invalid() {
        return new AccountException(AccountException.Code.HANDLE_INVALID, "a handle has " + MIN_LENGTH + " to "
                + MAX_LENGTH + " characters: lower-case letters a-z, digits, '_' and '-'");
    }

    @Override
    public String toString() {
        return value;
    }
}
