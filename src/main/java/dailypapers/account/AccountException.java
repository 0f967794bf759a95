package dailypapers.account;

import dailypapers.UserFacingException;

/**
 * A request about an account that breaks a rule: its {@link Code} says which, so a form can put the message next to
 * the field at fault and logs can count failures by kind. The message names the rule, never a secret.
 */
public final class AccountException extends UserFacingException {

    /** What went wrong; the field each concerns is in its name. */
    public enum Code {
        EMAIL_INVALID, EMAIL_TAKEN, HANDLE_INVALID, HANDLE_RESERVED, HANDLE_TAKEN, DISPLAY_NAME_INVALID,
        PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_WRONG, ROLE_INVALID, NO_SUCH_MEMBER, NOT_SIGNED_IN
    }

    private final Code code;

    public AccountException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
