package dailypapers.store;

import dailypapers.paper.ArxivId;
import dailypapers.search.SearchStore.Change;
import dailypapers.search.VectorStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@link VectorStore} in the {@code paper_vector} table: float32 little-endian bytes, BLOB or BYTEA. Works on the
 * database (each call its own transaction) or inside a {@link JdbiTransactions} transaction.
 */
public final class JdbiVectorStore implements VectorStore {

    private static final int IDS_PER_QUERY = 500;

    private final HandleSource handles;
    private final Clock clock;

    public JdbiVectorStore(Database database, Clock clock) {
        this(HandleSource.of(database), clock);
    }

    JdbiVectorStore(HandleSource handles, Clock clock) {
        this.handles = handles;
        this.clock = clock;
    }

    @Override
    public List<PaperText> missing(String model, Optional<ArxivId> before, int limit) {
        String bound = before.isPresent() ? " AND p.id < :before" : "";
        return handles.read(h -> h.createQuery("""
                        SELECT p.id, p.title, p.abstract FROM paper p
                        WHERE NOT EXISTS (SELECT 1 FROM paper_vector v WHERE v.paper_id = p.id AND v.model = :model)"""
                        + bound + " ORDER BY p.id DESC LIMIT :limit")
                .bind("model", model)
                .bind("before", before.map(ArxivId::value).orElse(""))
                .bind("limit", limit)
                .map((rs, ctx) -> new PaperText(new ArxivId(rs.getString("id")), rs.getString("title"),
                        rs.getString("abstract")))
                .list());
    }

    /** Every vector belongs to a paper (a foreign key), so the papers without one are the difference. */
    @Override
    public long countMissing(String model) {
        return handles.read(h -> RowCounts.read(h, RowCounts.PAPERS) - RowCounts.read(h, RowCounts.vectors(model)));
    }

    @Override
    public long count(String model) {
        return handles.read(h -> RowCounts.read(h, RowCounts.vectors(model)));
    }

    @Override
    public void save(String model, List<StoredVector> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        String now = Instant.now(clock).toString();
        handles.write(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO paper_vector (paper_id, model, dimension, vector, text_hash, created_at)
                    VALUES (:id, :model, :dimension, :vector, :textHash, :now)
                    ON CONFLICT (paper_id, model) DO UPDATE
                        SET dimension = excluded.dimension, vector = excluded.vector,
                            text_hash = excluded.text_hash, created_at = excluded.created_at""");
            for (StoredVector v : vectors) {
                batch.bind("id", v.id().value())
                        .bind("model", model)
                        .bind("dimension", v.vector().length)
                        .bind("vector", bytes(v.vector()))
                        .bind("textHash", v.textHash())
                        .bind("now", now)
                        .add();
            }
            return batch.execute();
        });
    }

    @Override
    public Map<ArxivId, StoredVector> find(Collection<ArxivId> ids, String model) {
        List<String> values = ids.stream().map(ArxivId::value).distinct().toList();
        Map<ArxivId, StoredVector> found = new HashMap<>();
        for (int from = 0; from < values.size(); from += IDS_PER_QUERY) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + IDS_PER_QUERY));
            List<StoredVector> vectors = handles.read(h -> h.createQuery("""
                            SELECT paper_id, vector, text_hash, created_at FROM paper_vector
                            WHERE model = :model AND paper_id IN (<ids>)""")
                    .bind("model", model)
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> new StoredVector(new ArxivId(rs.getString("paper_id")),
                            floats(rs.getBytes("vector")), rs.getString("text_hash"), rs.getString("created_at")))
                    .list());
            vectors.forEach(v -> found.put(v.id(), v));
        }
        return found;
    }

    @Override
    public Optional<StoredVector> find(ArxivId id, String model) {
        return Optional.ofNullable(find(List.of(id), model).get(id));
    }

    @Override
    public List<Change> changedSince(String model, Instant since, Optional<ArxivId> after, int limit) {
        return handles.read(h -> h.createQuery("""
                        SELECT paper_id, created_at FROM paper_vector
                        WHERE model = :model AND created_at >= :since AND paper_id > :after
                        ORDER BY paper_id LIMIT :limit""")
                .bind("model", model)
                .bind("since", StoredTimes.lowerBound(since))
                .bind("after", after.map(ArxivId::value).orElse(""))
                .bind("limit", limit)
                .map((rs, ctx) -> new Change(new ArxivId(rs.getString("paper_id")), rs.getString("created_at")))
                .list());
    }

    @Override
    public void delete(ArxivId id, String model) {
        handles.write(h -> h.createUpdate("DELETE FROM paper_vector WHERE paper_id = :id AND model = :model")
                .bind("id", id.value()).bind("model", model).execute());
    }

    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
