package dailypapers.store;

import dailypapers.UserFacingException;

/** The database could not be opened or migrated; the message says why in words an operator can act on. */
public final class DatabaseException extends UserFacingException {

    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
