package dailypapers.mail;

import java.util.Optional;

/**
 * A kind of outbox row that is rendered when its turn comes rather than stored whole (digests: a reference to what
 * to send, so 100,000 of them do not store 100,000 bodies). Registered with {@link MailModule#register}; the
 * {@value MailModule#JOB} job calls it on its own thread.
 */
public interface MailKind {

    /**
     * The message to send now for the row {@code id} (its Message-ID's local part) added with {@code payload}, or
     * empty when it is no longer wanted (the subscriber left): the row is then cancelled. A thrown exception is a
     * temporary failure, retried with backoff. The message goes to the row's recipient, which the rate limit and
     * {@link #undeliverable} go by.
     */
    Optional<Message> render(String id, String payload);

    /**
     * The server refused the message for good (a 5xx reply): the row is failed and never retried; the kind may
     * disable the address. {@code reason} is the server's reply, such as {@code 550 5.1.1 mailbox unavailable}.
     */
    default void undeliverable(String recipient, String payload, String reason) {
    }
}
