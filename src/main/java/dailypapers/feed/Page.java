package dailypapers.feed;

import java.util.List;

/** One page of a listing. {@code number} counts from 0, as the API's {@code p} parameter does. */
public record Page<T>(List<T> items, int number, int size, int total) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return (long) (number + 1) * size < total;
    }

    public boolean hasPrevious() {
        return number > 0;
    }

    public int pageCount() {
        return Math.max(1, (total + size - 1) / size);
    }

    public int offset() {
        return number * size;
    }
}
