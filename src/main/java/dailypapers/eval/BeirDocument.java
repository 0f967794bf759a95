package dailypapers.eval;

import java.util.List;

/**
 * One corpus entry of a BEIR dataset, with the authors and categories its {@code metadata} may list (BEIR's own
 * collections have none; {@code bench/arxiv-judged} has both, so its {@code author:} queries run as in the product).
 */
public record BeirDocument(String id, String title, String text, List<String> authors, List<String> categories) {

    public BeirDocument {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("document id is empty");
        }
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
    }

    public BeirDocument(String id, String title, String text) {
        this(id, title, text, List.of(), List.of());
    }
}
