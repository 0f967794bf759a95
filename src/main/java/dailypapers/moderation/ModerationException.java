package dailypapers.moderation;

import dailypapers.UserFacingException;

/**
 * A moderation request that breaks a rule: its {@link Code} says which, so a page puts the message next to the field
 * at fault (or answers 403 for {@code NOT_ALLOWED}) and logs count refusals by kind.
 */
public final class ModerationException extends UserFacingException {

    /** What went wrong; the field each concerns is in its name where there is one. */
    public enum Code {
        KIND_INVALID, TARGET_INVALID, NO_SUCH_TARGET, REASON_INVALID, NOTE_TOO_LONG, DAYS_INVALID, ALREADY_FLAGGED,
        ALREADY_DONE, NOT_ALLOWED, NO_SUCH_FLAG
    }

    private final Code code;

    public ModerationException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
