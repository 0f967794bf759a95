package dailypapers.paper;

/** What an upsert did with each record it was given. */
public record UpsertCounts(int inserted, int updated, int unchanged) {

    public static final UpsertCounts NONE = new UpsertCounts(0, 0, 0);

    public UpsertCounts plus(UpsertCounts other) {
        return new UpsertCounts(inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
    }
}
