package dailypapers.web;

import java.util.Arrays;
import java.util.Optional;

/** What the settings page says after an action sent the browser back to it ({@code /settings?done=...}). */
enum SettingsNotice {
    NAME("name", "Your display name is saved."),
    PASSWORD("password", "Your password is changed; your other devices are signed out."),
    PASSWORD_RESET("password-reset", "Your new password is set; every other device is signed out."),
    EMAIL("email", "Your new email address is confirmed: sign in with it from now on.");

    private final String key;
    private final String text;

    SettingsNotice(String key, String text) {
        this.key = key;
        this.text = text;
    }

    String text() {
        return text;
    }

    String path() {
        return "/settings?done=" + key;
    }

    static Optional<SettingsNotice> of(String key) {
        return Arrays.stream(values()).filter(notice -> notice.key.equals(key)).findFirst();
    }
}
