package dailypapers.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The mail_outbox table: messages waiting to leave, and what became of each. */
public interface OutboxStore {

    /** Queues a message, due at once; returns its id. */
    String add(Message message, Instant at);

    /** Queued messages due at {@code now}, oldest first, ties by id. */
    List<Queued> due(Instant now, int limit);

    /**
     * Marks a queued message as being sent and counts the attempt; false when it is no longer queued (another
     * delivery claimed it).
     */
    boolean claim(String id, Instant at);

    void markSent(String id, Instant at);

    /** A failed attempt: the message is queued again for {@code nextAttemptAt}. */
    void retry(String id, String error, Instant nextAttemptAt, Instant at);

    /** The last attempt failed: the message stays, failed, with the error. */
    void markFailed(String id, String error, Instant at);

    /**
     * Marks every message still being sent as failed with {@code error}: called under the job's lease, before any
     * claim, such rows were claimed by a delivery that died. Returns how many.
     */
    int failInterrupted(String error, Instant at);

    Optional<Outgoing> find(String id);

    /** A message due for delivery, with the attempts made so far. */
    record Queued(String id, Message message, int attempts) {
    }

    /** What became of a message. */
    record Outgoing(String id, Message message, State state, int attempts, Optional<String> lastError,
            Instant nextAttemptAt) {
    }

    enum State {
        QUEUED, SENDING, SENT, FAILED
    }
}
