package dailypapers.mail;

/** A transport could not deliver a message; the outbox retries it later, up to a limit. */
public final class MailException extends Exception {

    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
