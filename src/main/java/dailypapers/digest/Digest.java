package dailypapers.digest;

import dailypapers.paper.ArxivId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One digest as composed for one subscription: its window and its papers by section, in order. Stored (digest and
 * digest_item) when it is queued for sending; rendered into a mail only when its turn comes.
 *
 * @param from  the window's start, inclusive: the previous digest's end, or {@code until} less the look-back
 * @param until the window's end, exclusive: the due time it was composed for
 * @param items papers by section, then position; section 0 is trending, section n the subscription's topic n - 1
 */
public record Digest(String id, long subscriptionId, Instant from, Instant until, Instant createdAt,
        List<Item> items) {

    public static final int TRENDING = 0;

    public Digest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(createdAt, "createdAt");
        items = List.copyOf(items);
    }

    /** A paper's place in a digest. */
    public record Item(ArxivId paper, int section, int position) {

        public Item {
            Objects.requireNonNull(paper, "paper");
        }
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The papers of one section, in order. */
    public List<ArxivId> section(int section) {
        return items.stream().filter(i -> i.section() == section).map(Item::paper).toList();
    }
}
