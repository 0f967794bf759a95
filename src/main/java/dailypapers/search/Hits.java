package dailypapers.search;

import java.util.List;

/**
 * A ranked slice of the documents that match, and how many match in all.
 *
 * @param total        matching documents, exact unless {@code totalIsExact} is false (then at least this many)
 */
public record Hits(List<Hit> hits, long total, boolean totalIsExact) {

    public static final Hits NONE = new Hits(List.of(), 0, true);

    public Hits {
        hits = List.copyOf(hits);
    }
}
