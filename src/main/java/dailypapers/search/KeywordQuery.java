package dailypapers.search;

import java.util.List;

/**
 * A keyword query as an index runs it: free text scored by BM25 over title, abstract, authors and categories,
 * quoted phrases every result must contain, and filters.
 *
 * @param text             free text; each word may match in any field
 * @param phrases          exact phrases (after analysis), each required
 * @param requireAllWords  when true every word must match somewhere (used for date and upvote orders, where a
 *                         paper matching one word of five would otherwise rank with the best)
 */
public record KeywordQuery(String text, List<String> phrases, Filters filters, boolean requireAllWords) {

    public KeywordQuery {
        text = text == null ? "" : text;
        phrases = List.copyOf(phrases);
    }

    public static KeywordQuery text(String text) {
        return new KeywordQuery(text, List.of(), Filters.NONE, false);
    }

    public boolean hasWords() {
        return !text.isBlank() || !phrases.isEmpty();
    }
}
