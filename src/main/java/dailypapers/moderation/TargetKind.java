package dailypapers.moderation;

import java.util.Arrays;
import java.util.Locale;

/** What a flag or a moderator's action is about. */
public enum TargetKind {
    PAPER, COMMENT, SUBMISSION, MEMBER;

    /** The name stored, typed in forms and written to the audit log: {@code paper}, {@code comment}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TargetKind of(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key().equals(key)).findFirst()
                .orElseThrow(() -> new ModerationException(ModerationException.Code.KIND_INVALID,
                        "choose what to report: a paper, a comment, a submission or a member"));
    }
}
