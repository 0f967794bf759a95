package dailypapers.search;

import java.util.Locale;
import java.util.Optional;

/**
 * How results are ordered. Every order ends in the paper id, so equal scores, dates or upvotes never fall back
 * to the engine's internal document order.
 */
public enum ResultOrder {
    /** Best match first; equal scores by ascending id. */
    RELEVANCE,
    /** Newest publication first; same day by descending id (newest arXiv number first). */
    DATE,
    /** Most upvoted first, then newest, then descending id. */
    UPVOTES;

    public static Optional<ResultOrder> parse(String text) {
        for (ResultOrder order : values()) {
            if (order.key().equals(text)) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
