package dailypapers.digest;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One address's subscription to digests.
 *
 * @param email        trimmed, lower case (account.Email's rule)
 * @param memberId     the member who subscribed while signed in, for "more like my library"
 * @param stateReason  why it is disabled: the mail server's answer
 * @param lastDigestAt the end of the last digest's window; the next digest covers what is new since then
 * @param nextDueAt    when the next digest is due; present while confirmed
 */
public record Subscription(long id, String email, Optional<Long> memberId, Cadence cadence, ZoneId zone,
        SubscriptionState state, Optional<String> stateReason, List<Topic> topics, Instant createdAt,
        Optional<Instant> confirmedAt, Optional<Instant> lastDigestAt, Optional<Instant> nextDueAt) {

    /** More topics would make a digest no one reads; the form says so. */
    public static final int MAX_TOPICS = 20;

    public Subscription {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateReason, "stateReason");
        topics = List.copyOf(topics);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        Objects.requireNonNull(lastDigestAt, "lastDigestAt");
        Objects.requireNonNull(nextDueAt, "nextDueAt");
    }

    public boolean isConfirmed() {
        return state == SubscriptionState.CONFIRMED;
    }
}
