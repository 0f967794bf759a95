package dailypapers.mail;

/**
 * A transport could not deliver a message. A temporary failure (a 4xx reply, a refused or broken connection, a
 * timeout) is retried later, up to a limit; a permanent one (a 5xx reply about the recipient or the message) fails
 * the message at once; only a permanent one that says the address itself takes no mail makes the address
 * undeliverable (a refusal for policy, such as "554 5.7.1 relay access denied", is about our setup, not the
 * subscriber).
 */
public final class MailException extends Exception {

    private final boolean permanent;
    private final boolean addressRefused;

    /** A temporary failure. */
    public MailException(String message, Throwable cause) {
        this(message, false, false, cause);
    }

    public MailException(String message, boolean permanent, boolean addressRefused, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.addressRefused = permanent && addressRefused;
    }

    /** True when trying again cannot help: the server refused this recipient or this message for good. */
    public boolean permanent() {
        return permanent;
    }

    /** True when the server said, for good, that the address has no mailbox or takes no mail. */
    public boolean addressRefused() {
        return addressRefused;
    }
}
