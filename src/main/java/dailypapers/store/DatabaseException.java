package dailypapers.store;

/** The database could not be opened or migrated; the message says why in words an operator can act on. */
public final class DatabaseException extends RuntimeException {

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
