package dailypapers.search;

import java.util.List;

/**
 * A page of results and what produced it.
 *
 * @param requestedMode the mode asked for (the default resolved)
 * @param mode          the mode that actually ran: keyword when vectors or the model are unavailable
 * @param order         the order that actually applied (a query of filters alone lists newest first)
 * @param total         results in all, at least this many when {@code totalIsExact} is false
 * @param notices       things the person should know: ignored filters, a fallback to keyword search, how many
 *                      papers semantic matching covers so far
 */
public record SearchResult(UserQuery query, SearchMode requestedMode, SearchMode mode, ResultOrder order,
        List<SearchHit> hits, long total, boolean totalIsExact, int offset, int limit, List<String> notices) {

    public SearchResult {
        hits = List.copyOf(hits);
        notices = List.copyOf(notices);
    }

    public boolean hasMore() {
        return offset + hits.size() < total;
    }
}
