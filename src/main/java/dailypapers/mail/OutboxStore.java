package dailypapers.mail;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mail_outbox table: messages waiting to leave, and what became of each. A row is either a message stored
 * whole (kind {@value #MESSAGE}) or a reference of another kind, rendered by its {@link MailKind} when sent.
 */
public interface OutboxStore {

    /** The kind of a row that holds its whole message. */
    String MESSAGE = "message";

    /** Queues a message, due at once; returns its id. */
    String add(Message message, Instant at);

    /**
     * Queues a row of {@code kind} to be rendered when sent, due at {@code at}; returns its id, or empty when a row
     * with this {@code dedupeKey} exists (then nothing is added). A null key never collides.
     */
    Optional<String> addRendered(String kind, String recipient, String payload, String dedupeKey, Instant at);

    /** Pending and retry rows of these kinds due at {@code now}, oldest first, ties by id. */
    List<Queued> due(Instant now, Collection<String> kinds, int limit);

    /** How many pending and retry rows of each kind are due at {@code now}. */
    Map<String, Long> dueByKind(Instant now);

    /**
     * Marks a pending or retry row as being sent and counts the attempt; false when it is in neither state (another
     * delivery claimed it).
     */
    boolean claim(String id, Instant at);

    void markSent(String id, Instant at);

    /** A failed attempt: the row is due again at {@code nextAttemptAt}. */
    void retry(String id, String error, Instant nextAttemptAt, Instant at);

    /** The last attempt failed, or failed for good: the row stays, failed, with the error. */
    void markFailed(String id, String error, Instant at);

    /** The row's kind no longer wants it sent. */
    void cancel(String id, Instant at);

    /** Moves pending and retry rows to {@code nextAttemptAt} without counting an attempt (a rate limit). */
    void postpone(Collection<String> ids, Instant nextAttemptAt, Instant at);

    /**
     * Puts every row still being sent back to retry, due at {@code at}: called under the job's lease, before any
     * claim, such rows were claimed by a delivery that died. Returns how many.
     */
    int resumeInterrupted(Instant at);

    Optional<Outgoing> find(String id);

    /** How many rows of {@code kind} are in each state, every state present. */
    Map<State, Long> countsByState(String kind);

    /** The latest failed rows of {@code kind}, newest first. */
    List<Failure> recentFailures(String kind, int limit);

    /**
     * A row due for delivery, with the attempts made so far.
     *
     * @param message the stored message of a {@value #MESSAGE} row; empty for a rendered kind
     * @param payload what a rendered kind was added with; empty for a {@value #MESSAGE} row
     */
    record Queued(String id, String kind, String recipient, Optional<Message> message, Optional<String> payload,
            int attempts) {
    }

    /** What became of a row. */
    record Outgoing(String id, String kind, String recipient, Optional<Message> message, State state, int attempts,
            Optional<String> lastError, Instant nextAttemptAt) {
    }

    /** A failed row: why, and when it failed. */
    record Failure(String id, String recipient, String error, Instant at) {
    }

    enum State {
        PENDING, SENDING, SENT, RETRY, FAILED, CANCELLED
    }
}
