package dailypapers.account;

import java.util.Arrays;
import java.util.Locale;

/** What a member may do: moderators moderate, admins also run the instance. */
public enum Role {
    MEMBER, MODERATOR, ADMIN;

    /** The name stored and typed: {@code member}, {@code moderator}, {@code admin}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String key) {
        return Arrays.stream(values()).filter(role -> role.key().equals(key)).findFirst()
                .orElseThrow(() -> new AccountException(AccountException.Code.ROLE_INVALID,
                        "a role is member, moderator or admin, got '" + key + "'"));
    }
}
