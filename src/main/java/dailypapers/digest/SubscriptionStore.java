package dailypapers.digest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The subscription and subscription_topic tables. */
public interface SubscriptionStore {

    /** Adds a pending subscription; empty when the address has one already (whatever its state). */
    Optional<Long> create(String email, Optional<Long> memberId, Preferences preferences, Instant at);

    Optional<Subscription> find(long id);

    Optional<Subscription> findByEmail(String email);

    Optional<Subscription> findByMember(long memberId);

    /** Replaces cadence, zone and topics; {@code nextDueAt} as the new cadence and zone put it (empty unless confirmed). */
    void updatePreferences(long id, Preferences preferences, Optional<Instant> nextDueAt, Instant at);

    /** Links the subscription to a member (who subscribed while signed in), or unlinks it. */
    void setMember(long id, Optional<Long> memberId, Instant at);

    /** Confirmed from the mail: digests start at {@code nextDueAt}. */
    void confirm(long id, Instant nextDueAt, Instant at);

    /**
     * Moves to {@code state} with an optional reason; leaving CONFIRMED clears the due time, so no digest is
     * composed for it any more.
     */
    void setState(long id, SubscriptionState state, Optional<String> reason, Instant at);

    /** Confirmed subscriptions due at {@code now}, earliest first, ties by id. */
    List<Subscription> due(Instant now, int limit);

    /** Confirmed subscriptions with an id above {@code afterId}, by id: every subscriber, page by page. */
    List<Subscription> confirmed(long afterId, int limit);

    /** After a digest is composed (or found empty): its window ends at {@code lastDigestAt}. */
    void advance(long id, Instant lastDigestAt, Instant nextDueAt, Instant at);

    /** Every state with its count, zero included. */
    Map<SubscriptionState, Long> countsByState();

    /** The most recently disabled subscriptions, with their reasons, for the operator. */
    List<Subscription> recentlyDisabled(int limit);
}
