package dailypapers.store;

import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperEntry;
import dailypapers.search.SimilarList;
import dailypapers.search.SimilarStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link SimilarStore} on the similar_list and similar_paper tables (migration V27), in SQL SQLite and PostgreSQL
 * both run.
 */
public final class JdbiSimilarStore implements SimilarStore {

    /**
     * A paper, its stored list's basis (nulls without one), whether it has a vector from {@code :model}, and the
     * counts kept in store_count (V8), from {@code paper p}.
     */
    private static final String STATE = """
            SELECT p.id, p.updated_at, s.text_hash, s.model, s.corpus_size, s.paper_written_at,
                EXISTS (SELECT 1 FROM paper_vector v WHERE v.paper_id = p.id AND v.model = :model) AS has_vector,
                (SELECT value FROM store_count WHERE name = :papers) AS papers,
                (SELECT value FROM store_count WHERE name = :vectors) AS vectors
            FROM paper p LEFT JOIN similar_list s ON s.paper_id = p.id""";

    private final HandleSource handles;
    private final Clock clock;

    public JdbiSimilarStore(Database database, Clock clock) {
        this.handles = HandleSource.of(database);
        this.clock = clock;
    }

    @Override
    public List<State> states(Collection<ArxivId> papers, Optional<String> model) {
        if (papers.isEmpty()) {
            return List.of();
        }
        return handles.read(h -> states(h.createQuery(STATE + " WHERE p.id IN (<ids>)")
                .bindList("ids", papers.stream().map(ArxivId::value).distinct().toList()), model));
    }

    @Override
    public List<State> scan(Optional<ArxivId> after, int limit, Optional<String> model) {
        return handles.read(h -> states(h.createQuery(STATE + " WHERE p.id > :after ORDER BY p.id LIMIT :limit")
                .bind("after", after.map(ArxivId::value).orElse(""))
                .bind("limit", limit), model));
    }

    /** No model matches no vector and no count: model names are never empty. */
    private static List<State> states(Query query, Optional<String> model) {
        String name = model.orElse("");
        return query.bind("model", name)
                .bind("papers", RowCounts.PAPERS)
                .bind("vectors", RowCounts.vectors(name))
                .map((rs, ctx) -> state(rs))
                .list();
    }

    private static State state(ResultSet rs) throws SQLException {
        String textHash = rs.getString("text_hash");
        Optional<Listed> listed = textHash == null ? Optional.empty() : Optional.of(new Listed(
                new SimilarList.Basis(textHash, rs.getString("model"), rs.getLong("corpus_size")),
                rs.getString("paper_written_at")));
        return new State(new ArxivId(rs.getString("id")), rs.getString("updated_at"), rs.getBoolean("has_vector"),
                rs.getLong("papers"), rs.getLong("vectors"), listed);
    }

    @Override
    public List<PaperEntry> listed(ArxivId paper, int limit) {
        return handles.read(h -> h.createQuery("SELECT " + JdbiPaperStore.ENTRY_COLUMNS
                        + " FROM similar_paper sp JOIN paper p ON p.id = sp.similar_id"
                        + " LEFT JOIN featured f ON f.paper_id = p.id"
                        + " WHERE sp.paper_id = :paper AND " + JdbiPaperStore.visible("p.id")
                        + " ORDER BY sp.ordinal LIMIT :limit")
                .bind("paper", paper.value())
                .bind("limit", limit)
                .map(JdbiPaperStore::mapEntry)
                .list());
    }

    @Override
    public void save(List<SimilarList> lists) {
        if (lists.isEmpty()) {
            return;
        }
        String now = Instant.now(clock).toString();
        handles.write(h -> {
            // The list's row first: on PostgreSQL its lock orders two writers of the same list, so the second
            // deletes the first's papers instead of colliding with them.
            PreparedBatch heads = h.prepareBatch("""
                    INSERT INTO similar_list (paper_id, text_hash, model, corpus_size, paper_written_at, computed_at)
                    VALUES (:paper, :textHash, :model, :corpusSize, :writtenAt, :now)
                    ON CONFLICT (paper_id) DO UPDATE SET text_hash = excluded.text_hash, model = excluded.model,
                        corpus_size = excluded.corpus_size, paper_written_at = excluded.paper_written_at,
                        computed_at = excluded.computed_at""");
            PreparedBatch emptied = h.prepareBatch("DELETE FROM similar_paper WHERE paper_id = :paper");
            PreparedBatch items = h.prepareBatch(
                    "INSERT INTO similar_paper (paper_id, ordinal, similar_id) VALUES (:paper, :ordinal, :similar)");
            for (SimilarList list : lists) {
                heads.bind("paper", list.paper().value())
                        .bind("textHash", list.basis().textHash())
                        .bind("model", list.basis().model())
                        .bind("corpusSize", list.basis().corpusSize())
                        .bind("writtenAt", list.paperWrittenAt())
                        .bind("now", now)
                        .add();
                emptied.bind("paper", list.paper().value()).add();
                for (int i = 0; i < list.similar().size(); i++) {
                    items.bind("paper", list.paper().value())
                            .bind("ordinal", i)
                            .bind("similar", list.similar().get(i).value())
                            .add();
                }
            }
            heads.execute();
            emptied.execute();
            if (items.size() > 0) {
                items.execute();
            }
            return null;
        });
    }

    @Override
    public void markUnchanged(Map<ArxivId, String> writtenAt) {
        if (writtenAt.isEmpty()) {
            return;
        }
        handles.write(h -> {
            PreparedBatch batch = h.prepareBatch(
                    "UPDATE similar_list SET paper_written_at = :writtenAt WHERE paper_id = :paper");
            writtenAt.forEach((paper, at) -> batch.bind("paper", paper.value()).bind("writtenAt", at).add());
            batch.execute();
            return null;
        });
    }
}
