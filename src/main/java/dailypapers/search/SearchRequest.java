package dailypapers.search;

import java.util.Objects;
import java.util.Optional;

/**
 * One search as a person asks it.
 *
 * @param mode   the requested mode; empty for the default (hybrid where vectors allow)
 * @param offset how many ranked results to skip (paging)
 */
public record SearchRequest(String query, Optional<SearchMode> mode, ResultOrder order, int offset, int limit) {

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(order, "order");
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1, got " + offset + ", " + limit);
        }
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, Optional.empty(), ResultOrder.RELEVANCE, 0, 20);
    }
}
