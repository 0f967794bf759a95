package dailypapers.mail;

/** Where messages leave the application: an SMTP server, or {@code .eml} files when there is none. */
public interface MailTransport {

    /**
     * Delivers one message, identified by its outbox id (the local part of its Message-ID, so a receiver can tell
     * a repeat); returns only once the message is handed over.
     */
    void deliver(String id, Message message) throws MailException;

    /** Ends a run: closes what was kept open between its messages (an SMTP connection). */
    default void disconnect() {
    }

    /** For logs: where messages go, never with a password. */
    String describe();
}
