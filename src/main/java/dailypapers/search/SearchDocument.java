package dailypapers.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What an index holds for one paper. Ids are plain strings so that the same index can hold other corpora (an
 * evaluation collection, say).
 *
 * @param published publication day, or null when unknown
 * @param vector    the paper's embedding under the index's model, or null while it has none
 * @param version   what the document was built from (row write times), to tell stale documents; may be null
 */
public record SearchDocument(String id, String title, String abstractText, List<String> authors,
        List<String> categories, LocalDate published, int upvotes, boolean hasCode, float[] vector,
        String version) {

    public SearchDocument {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        abstractText = abstractText == null ? "" : abstractText;
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
    }

    /** A bare text document, as evaluation collections have them. */
    public static SearchDocument text(String id, String title, String text, float[] vector) {
        return new SearchDocument(id, title, text, List.of(), List.of(), null, 0, false, vector, null);
    }
}
