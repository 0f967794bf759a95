package dailypapers.account;

import java.util.Locale;

/**
 * Whether a member may sign in: a banned member has no sessions and gets none; a deleted member has no personal
 * data left, only a row that their contributions still point to.
 */
public enum MemberState {
    ACTIVE, BANNED, DELETED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MemberState of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
