package dailypapers.store;

import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperEntry;
import dailypapers.search.SearchStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@link SearchStore} over the paper tables, in SQL both SQLite and PostgreSQL run. Works on the database or inside
 * a {@link JdbiTransactions} transaction.
 */
public final class JdbiSearchStore implements SearchStore {

    /** Ids per IN list, well under SQLite's limit on bound parameters. */
    private static final int IDS_PER_QUERY = 500;

    private static final String FROM = " FROM paper p LEFT JOIN featured f ON f.paper_id = p.id";

    private final HandleSource handles;

    public JdbiSearchStore(Database database) {
        this(HandleSource.of(database));
    }

    JdbiSearchStore(HandleSource handles) {
        this.handles = handles;
    }

    @Override
    public List<PaperEntry> find(Collection<ArxivId> ids) {
        return load(ids).stream().map(StoredPaper::entry).toList();
    }

    @Override
    public List<StoredPaper> load(Collection<ArxivId> ids) {
        List<String> values = ids.stream().map(ArxivId::value).distinct().toList();
        List<StoredPaper> papers = new ArrayList<>(values.size());
        for (int from = 0; from < values.size(); from += IDS_PER_QUERY) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + IDS_PER_QUERY));
            papers.addAll(handles.read(h -> h.createQuery("SELECT " + JdbiPaperStore.ENTRY_COLUMNS
                            + ", p.updated_at" + FROM + " WHERE p.id IN (<ids>) AND " + JdbiPaperStore.visible("p.id"))
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> new StoredPaper(JdbiPaperStore.mapEntry(rs, ctx), rs.getString("updated_at")))
                    .list()));
        }
        return papers;
    }

    @Override
    public List<StoredPaper> scan(Optional<ArxivId> after, int limit) {
        return handles.read(h -> h.createQuery("SELECT " + JdbiPaperStore.ENTRY_COLUMNS + ", p.updated_at" + FROM
                        + " WHERE p.id > :after AND " + JdbiPaperStore.visible("p.id") + " ORDER BY p.id LIMIT :limit")
                .bind("after", after.map(ArxivId::value).orElse(""))
                .bind("limit", limit)
                .map((rs, ctx) -> new StoredPaper(JdbiPaperStore.mapEntry(rs, ctx), rs.getString("updated_at")))
                .list());
    }

    @Override
    public List<Change> changedSince(Instant since, Optional<ArxivId> after, int limit) {
        return changes("paper", "id", "updated_at", since, after, limit);
    }

    @Override
    public List<Change> removedSince(Instant since, Optional<ArxivId> after, int limit) {
        return changes("paper_removal", "paper_id", "removed_at", since, after, limit);
    }

    /** Rows of {@code table} written at or after {@code since}, paged by id; names are ours, never a client's. */
    private List<Change> changes(String table, String idColumn, String timeColumn, Instant since,
            Optional<ArxivId> after, int limit) {
        return handles.read(h -> h.createQuery("SELECT " + idColumn + ", " + timeColumn + " FROM " + table
                        + " WHERE " + timeColumn + " >= :since AND " + idColumn + " > :after"
                        + " ORDER BY " + idColumn + " LIMIT :limit")
                .bind("since", StoredTimes.lowerBound(since))
                .bind("after", after.map(ArxivId::value).orElse(""))
                .bind("limit", limit)
                .map((rs, ctx) -> new Change(new ArxivId(rs.getString(idColumn)), rs.getString(timeColumn)))
                .list());
    }

    @Override
    public long countPapers() {
        return handles.read(h -> RowCounts.read(h, RowCounts.PAPERS));
    }
}
