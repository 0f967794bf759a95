package dailypapers.comment;

import java.util.Locale;

/**
 * Whether a comment's text shows: a deleted comment that had replies stays as "[deleted]" (one without replies is
 * removed), a hidden one shows the moderator's reason instead.
 */
public enum CommentState {
    VISIBLE, DELETED, HIDDEN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CommentState of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
