package dailypapers.token;

import dailypapers.UserFacingException;

/** A token request that breaks a rule; the {@link Code} names the field at fault or what is missing. */
public final class TokenException extends UserFacingException {

    public enum Code {
        NAME_INVALID, SCOPE_INVALID, TOO_MANY_TOKENS, NO_SUCH_TOKEN
    }

    private final Code code;

    public TokenException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
