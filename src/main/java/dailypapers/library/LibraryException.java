package dailypapers.library;

import dailypapers.UserFacingException;

/**
 * A library request that breaks a rule: its {@link Code} says which, so a form can put the message next to the field
 * at fault and a handler can pick the status (a collection the member may not see is "not found", never "forbidden",
 * so that nobody learns a private collection exists).
 */
public final class LibraryException extends UserFacingException {

    /** What went wrong. */
    public enum Code {
        NAME_INVALID, NAME_TAKEN, TOO_MANY_COLLECTIONS, NO_SUCH_COLLECTION, NO_SUCH_PAPER, IMPORT_TOO_LARGE
    }

    private final Code code;

    public LibraryException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
