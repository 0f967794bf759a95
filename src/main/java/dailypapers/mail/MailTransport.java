package dailypapers.mail;

/** Where messages leave the application: an SMTP server, or {@code .eml} files when there is none. */
public interface MailTransport {

    /**
     * Delivers one message, identified by its outbox id (the local part of its Message-ID, so a receiver can tell
     * a repeat); returns only once the message is handed over.
     */
    void deliver(String id, Message message) throws MailException;

    /**
     * Checks that messages could leave now without sending one: an SMTP server is connected to (with TLS and login
     * as configured) and let go; an outbox directory is created if need be and must be writable. A transport with
     * nothing to reach checks nothing.
     */
    default void verify() throws MailException {
    }

    /** Ends a run: closes what was kept open between its messages (an SMTP connection). */
    default void disconnect() {
    }

    /** For logs: where messages go, never with a password. */
    String describe();

    /** The transport the settings name: their SMTP server, or {@code .eml} files in their outbox directory. */
    static MailTransport of(MailSettings settings) {
        return settings.smtpHost().isPresent()
                ? new SmtpTransport(settings, MailSettings.fromAddress(settings.from()))
                : new EmlTransport(settings.outboxDir(), MailSettings.fromAddress(settings.from()));
    }
}
