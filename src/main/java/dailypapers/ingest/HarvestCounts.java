package dailypapers.ingest;

import dailypapers.paper.UpsertCounts;
import java.util.Locale;

/**
 * What a harvest did with what it received: every record received is inserted, updated, unchanged, rejected
 * (malformed, logged with the reason), deleted upstream (recorded, not applied) or filtered out (outside the
 * configured categories).
 */
public record HarvestCounts(long pages, long received, long inserted, long updated, long unchanged, long rejected,
        long deleted, long filtered) {

    public static final HarvestCounts NONE = new HarvestCounts(0, 0, 0, 0, 0, 0, 0, 0);

    public HarvestCounts plus(HarvestCounts other) {
        return new HarvestCounts(pages + other.pages, received + other.received, inserted + other.inserted,
                updated + other.updated, unchanged + other.unchanged, rejected + other.rejected,
                deleted + other.deleted, filtered + other.filtered);
    }

    /** One stored page: its records' fate in the store plus those that never reached it. */
    public static HarvestCounts page(long received, UpsertCounts stored, long rejected, long deleted,
            long filtered) {
        return new HarvestCounts(1, received, stored.inserted(), stored.updated(), stored.unchanged(), rejected,
                deleted, filtered);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d pages, received %,d, inserted %,d, updated %,d, unchanged %,d, "
                + "rejected %,d, deleted upstream %,d, filtered out %,d", pages, received, inserted, updated,
                unchanged, rejected, deleted, filtered);
    }
}
