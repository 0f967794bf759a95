package dailypapers.account;

import java.util.Arrays;

/**
 * What an emailed link does, and the page it opens. A link's token works only for its own purpose and only once.
 */
public enum LinkPurpose {
    /** Confirms the address given at sign-up, and signs the member in. */
    VERIFY_EMAIL("verify-email", "/verify"),
    /** Sets a new password (also the first one of a member created from the command line). */
    RESET_PASSWORD("reset-password", "/reset/confirm"),
    /** Signs the member in without a password. */
    SIGN_IN("sign-in-link", "/sign-in/link"),
    /** Makes the new address the member's login. */
    CHANGE_EMAIL("change-email", "/settings/email/confirm");

    private final String key;
    private final String path;

    LinkPurpose(String key, String path) {
        this.key = key;
        this.path = path;
    }

    /** As stored. */
    public String key() {
        return key;
    }

    /** The site path the link opens, with the token as its {@code token} parameter. */
    public String path() {
        return path;
    }

    public static LinkPurpose of(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no link purpose " + key));
    }
}
