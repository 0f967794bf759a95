package dailypapers.store;

import dailypapers.digest.Digest;
import dailypapers.digest.DigestStore;
import dailypapers.paper.ArxivId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link DigestStore} on the digest and digest_item tables, in SQL that SQLite and PostgreSQL both run. */
public final class JdbiDigestStore implements DigestStore {

    /** Ids per IN list: well under SQLite's and PostgreSQL's limits on bound parameters. */
    private static final int IDS_PER_QUERY = 500;

    private final HandleSource handles;

    public JdbiDigestStore(Database database) {
        this(HandleSource.of(database));
    }

    JdbiDigestStore(HandleSource handles) {
        this.handles = handles;
    }

    @Override
    public boolean insert(Digest digest) {
        return handles.write(h -> {
            int inserted = h.createUpdate("""
                            INSERT INTO digest (id, subscription_id, window_from, window_until, created_at)
                            VALUES (:id, :subscription, :from, :until, :at)
                            ON CONFLICT (subscription_id, window_until) DO NOTHING""")
                    .bind("id", digest.id())
                    .bind("subscription", digest.subscriptionId())
                    .bind("from", StoredTimes.sortable(digest.from()))
                    .bind("until", StoredTimes.sortable(digest.until()))
                    .bind("at", StoredTimes.sortable(digest.createdAt()))
                    .execute();
            if (inserted == 0) {
                return false;
            }
            if (!digest.items().isEmpty()) {
                var batch = h.prepareBatch("""
                        INSERT INTO digest_item (digest_id, subscription_id, paper_id, section, position)
                        VALUES (:digest, :subscription, :paper, :section, :position)""");
                for (Digest.Item item : digest.items()) {
                    batch.bind("digest", digest.id()).bind("subscription", digest.subscriptionId())
                            .bind("paper", item.paper().value()).bind("section", item.section())
                            .bind("position", item.position()).add();
                }
                batch.execute();
            }
            return true;
        });
    }

    @Override
    public Optional<Digest> find(String id) {
        return handles.read(h -> {
            List<Digest.Item> items = h.createQuery("""
                            SELECT paper_id, section, position FROM digest_item WHERE digest_id = :id
                            ORDER BY section, position""")
                    .bind("id", id)
                    .map((rs, ctx) -> new Digest.Item(new ArxivId(rs.getString("paper_id")), rs.getInt("section"),
                            rs.getInt("position")))
                    .list();
            return h.createQuery("""
                            SELECT id, subscription_id, window_from, window_until, created_at FROM digest
                            WHERE id = :id""")
                    .bind("id", id)
                    .map((rs, ctx) -> new Digest(rs.getString("id"), rs.getLong("subscription_id"),
                            Instant.parse(rs.getString("window_from")), Instant.parse(rs.getString("window_until")),
                            Instant.parse(rs.getString("created_at")), items))
                    .findOne();
        });
    }

    @Override
    public Set<ArxivId> alreadySent(long subscriptionId, Collection<ArxivId> papers) {
        List<String> ids = papers.stream().map(ArxivId::value).distinct().toList();
        Set<ArxivId> sent = new HashSet<>();
        for (int start = 0; start < ids.size(); start += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + IDS_PER_QUERY));
            handles.read(h -> h.createQuery("""
                            SELECT paper_id FROM digest_item
                            WHERE subscription_id = :subscription AND paper_id IN (<ids>)""")
                    .bind("subscription", subscriptionId)
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> sent.add(new ArxivId(rs.getString("paper_id"))))
                    .list());
        }
        return sent;
    }

    @Override
    public Counts counts() {
        return handles.read(h -> new Counts(
                h.createQuery("SELECT COUNT(*) FROM digest").mapTo(Long.class).one(),
                h.createQuery("SELECT COUNT(*) FROM digest_item").mapTo(Long.class).one()));
    }
}
