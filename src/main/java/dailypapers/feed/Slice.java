package dailypapers.feed;

import java.util.List;

/**
 * One page of a listing that shows no total (the API, feeds): read with one row more than the page holds, which
 * tells whether another page follows without counting the whole listing.
 */
public record Slice<T>(List<T> items, boolean hasNext) {

    public Slice {
        items = List.copyOf(items);
    }

    /** The page of {@code rows}, read with a limit of {@code size + 1}. */
    static <T> Slice<T> of(List<T> rows, int size) {
        return rows.size() > size ? new Slice<>(rows.subList(0, size), true) : new Slice<>(rows, false);
    }
}
