package dailypapers.search;

import java.util.Objects;
import java.util.Optional;

/**
 * One search as a person asks it.
 *
 * @param mode   the requested mode; empty for the default (hybrid where vectors allow)
 * @param offset how many ranked results to skip (paging)
 * @param within filters every result must meet besides those the query states (a digest's window and topic)
 */
public record SearchRequest(String query, Optional<SearchMode> mode, ResultOrder order, int offset, int limit,
        Filters within) {

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(within, "within");
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1, got " + offset + ", " + limit);
        }
    }

    /** A search with only the filters its query states. */
    public SearchRequest(String query, Optional<SearchMode> mode, ResultOrder order, int offset, int limit) {
        this(query, mode, order, offset, limit, Filters.NONE);
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, Optional.empty(), ResultOrder.RELEVANCE, 0, 20);
    }
}
