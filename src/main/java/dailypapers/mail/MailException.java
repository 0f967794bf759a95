package dailypapers.mail;

/**
 * A transport could not deliver a message. A temporary failure (a 4xx reply, a refused or broken connection, a
 * timeout) is retried later, up to a limit; a permanent one (a 5xx reply about the recipient or the message) fails
 * the message at once.
 */
public final class MailException extends Exception {

    private final boolean permanent;

    /** A temporary failure. */
    public MailException(String message, Throwable cause) {
        this(message, false, cause);
    }

    public MailException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** True when trying again cannot help: the server refused this recipient or this message for good. */
    public boolean permanent() {
        return permanent;
    }
}
