package dailypapers.comment;

import dailypapers.UserFacingException;

/**
 * A comment request that breaks a rule: its {@link Code} says which, so a form can put the message next to the
 * field at fault, the web layer can pick the status, and logs can count failures by kind.
 */
public final class CommentException extends UserFacingException {

    /** What went wrong. */
    public enum Code {
        /** Nothing but whitespace was typed. */
        TEXT_EMPTY,
        /** Longer than {@link CommentText#MAX_CHARACTERS}. */
        TEXT_TOO_LONG,
        /** A reply to a comment that is not on the paper, or no longer open to replies. */
        PARENT_NOT_FOUND,
        NO_SUCH_PAPER,
        NO_SUCH_COMMENT,
        /** Only the author may edit or delete a comment. */
        NOT_AUTHOR,
        /** A banned or suspended member posts nothing. */
        MEMBER_BANNED,
        /** A deleted or hidden comment cannot be edited. */
        NOT_EDITABLE,
        /** A moderator hides with a reason. */
        REASON_INVALID
    }

    private final Code code;

    public CommentException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
