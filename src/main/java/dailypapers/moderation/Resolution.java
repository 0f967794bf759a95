package dailypapers.moderation;

import java.util.Locale;

/** How an open flag was closed: dismissed by a moderator, or closed by an action on its target. */
public enum Resolution {
    DISMISSED, ACTIONED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
