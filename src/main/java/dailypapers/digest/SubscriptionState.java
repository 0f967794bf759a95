package dailypapers.digest;

import java.util.Locale;

/** Where a subscription stands; only a confirmed one gets digests. */
public enum SubscriptionState {
    /** Subscribed, waiting for the address to be confirmed from the mail (double opt-in). */
    PENDING,
    CONFIRMED,
    /** The subscriber left; the row stays so that the address is not mailed again. */
    UNSUBSCRIBED,
    /** The mail server refused the address for good; the reason is kept for the operator and the subscriber. */
    DISABLED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubscriptionState fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
