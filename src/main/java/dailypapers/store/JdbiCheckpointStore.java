package dailypapers.store;

import dailypapers.ingest.Checkpoint;
import dailypapers.ingest.CheckpointStore;
import dailypapers.ingest.HarvestCounts;
import dailypapers.ingest.HarvestException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link CheckpointStore} on the harvest_checkpoint table, in SQL that SQLite and PostgreSQL both run. Works on the
 * database or inside a {@link JdbiTransactions} transaction.
 */
public final class JdbiCheckpointStore implements CheckpointStore {

    private final HandleSource handles;

    public JdbiCheckpointStore(Database database) {
        this(HandleSource.of(database));
    }

    JdbiCheckpointStore(HandleSource handles) {
        this.handles = handles;
    }

    @Override
    public Optional<Checkpoint> checkpoint(String source) {
        return handles.read(h -> h.createQuery(
                        "SELECT cursor, token, next_cursor FROM harvest_checkpoint WHERE source = :source")
                .bind("source", source)
                .map((rs, ctx) -> new Checkpoint(rs.getString("cursor"), rs.getString("token"),
                        rs.getString("next_cursor")))
                .findOne());
    }

    @Override
    public void saveCheckpoint(String source, Checkpoint checkpoint, Instant at) {
        handles.write(h -> h.createUpdate("""
                        INSERT INTO harvest_checkpoint (source, cursor, token, next_cursor, checkpoint_at)
                        VALUES (:source, :cursor, :token, :nextCursor, :at)
                        ON CONFLICT (source) DO UPDATE SET cursor = excluded.cursor, token = excluded.token,
                            next_cursor = excluded.next_cursor, checkpoint_at = excluded.checkpoint_at""")
                .bind("source", source)
                .bind("cursor", checkpoint.cursor())
                .bind("token", checkpoint.token())
                .bind("nextCursor", checkpoint.nextCursor())
                .bind("at", at.toString())
                .execute());
    }

    @Override
    public void recordRun(String source, RunRecord run) {
        HarvestCounts c = run.counts();
        String finished = run.finishedAt().toString();
        handles.write(h -> h.createUpdate("""
                        INSERT INTO harvest_checkpoint (source, last_run_started_at, last_run_finished_at,
                            last_success_at, last_pages, last_received, last_inserted, last_updated, last_unchanged,
                            last_rejected, last_deleted, last_filtered, last_error_code, last_error_message,
                            last_error_at, consecutive_failures)
                        VALUES (:source, :started, :finished, :success, :pages, :received, :inserted, :updated,
                            :unchanged, :rejected, :deleted, :filtered, :errorCode, :errorMessage, :errorAt,
                            :failures)
                        ON CONFLICT (source) DO UPDATE SET
                            last_run_started_at = excluded.last_run_started_at,
                            last_run_finished_at = excluded.last_run_finished_at,
                            last_success_at = COALESCE(excluded.last_success_at, harvest_checkpoint.last_success_at),
                            last_pages = excluded.last_pages, last_received = excluded.last_received,
                            last_inserted = excluded.last_inserted, last_updated = excluded.last_updated,
                            last_unchanged = excluded.last_unchanged, last_rejected = excluded.last_rejected,
                            last_deleted = excluded.last_deleted, last_filtered = excluded.last_filtered,
                            last_error_code = COALESCE(excluded.last_error_code, harvest_checkpoint.last_error_code),
                            last_error_message = COALESCE(excluded.last_error_message,
                                harvest_checkpoint.last_error_message),
                            last_error_at = COALESCE(excluded.last_error_at, harvest_checkpoint.last_error_at),
                            consecutive_failures = CASE WHEN excluded.last_error_code IS NULL THEN 0
                                ELSE harvest_checkpoint.consecutive_failures + 1 END""")
                .bind("source", source)
                .bind("started", run.startedAt().toString())
                .bind("finished", finished)
                .bind("success", run.succeeded() ? finished : null)
                .bind("pages", c.pages())
                .bind("received", c.received())
                .bind("inserted", c.inserted())
                .bind("updated", c.updated())
                .bind("unchanged", c.unchanged())
                .bind("rejected", c.rejected())
                .bind("deleted", c.deleted())
                .bind("filtered", c.filtered())
                .bind("errorCode", run.errorCode() == null ? null : run.errorCode().name())
                .bind("errorMessage", run.errorMessage())
                .bind("errorAt", run.succeeded() ? null : finished)
                .bind("failures", run.succeeded() ? 0 : 1)
                .execute());
    }

    @Override
    public List<SourceState> sources() {
        return handles.read(h -> h.createQuery("SELECT * FROM harvest_checkpoint ORDER BY source")
                .map(JdbiCheckpointStore::mapState)
                .list());
    }

    private static SourceState mapState(ResultSet rs, StatementContext ctx) throws SQLException {
        String code = rs.getString("last_error_code");
        return new SourceState(rs.getString("source"),
                new Checkpoint(rs.getString("cursor"), rs.getString("token"), rs.getString("next_cursor")),
                instant(rs, "checkpoint_at"), instant(rs, "last_run_started_at"), instant(rs, "last_run_finished_at"),
                instant(rs, "last_success_at"),
                new HarvestCounts(rs.getLong("last_pages"), rs.getLong("last_received"), rs.getLong("last_inserted"),
                        rs.getLong("last_updated"), rs.getLong("last_unchanged"), rs.getLong("last_rejected"),
                        rs.getLong("last_deleted"), rs.getLong("last_filtered")),
                code == null ? null : HarvestException.Code.valueOf(code), rs.getString("last_error_message"),
                instant(rs, "last_error_at"), rs.getInt("consecutive_failures"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Instant.parse(value);
    }
}
