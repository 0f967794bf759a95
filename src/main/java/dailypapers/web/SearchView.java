package dailypapers.web;

import java.util.List;

/**
 * The search page: the form (query, mode, order), what ran, notices (ignored filters, a fallback to keyword
 * search), the result cards and the pager; with an empty query, help on the query syntax and the index's state.
 *
 * @param summary  one line on the results ("243 results, best match first"), or null without a query
 * @param pager    links between pages, or null
 * @param empty    what to say when a query found nothing, or null
 * @param status   the index's state (papers indexed, vectors), shown with the syntax help
 */
public record SearchView(PageFrame frame, String query, List<Option> modes, List<Option> sorts, String heading,
        String summary, List<String> notices, List<PaperCard> cards, Pager pager, List<LinkView> links,
        EmptyResult empty, String status) implements CardListing {

    public SearchView {
        modes = List.copyOf(modes);
        sorts = List.copyOf(sorts);
        notices = List.copyOf(notices);
        cards = List.copyOf(cards);
        links = List.copyOf(links);
    }

    /** One choice of a select box. */
    public record Option(String value, String label, boolean isSelected) {
    }

    /** A query with no result on this page. */
    public record EmptyResult(String title, String text) {
    }
}
