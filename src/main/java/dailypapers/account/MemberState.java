package dailypapers.account;

import java.util.Locale;

/** Whether a member may sign in: a banned member has no sessions and gets none. */
public enum MemberState {
    ACTIVE, BANNED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MemberState of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
