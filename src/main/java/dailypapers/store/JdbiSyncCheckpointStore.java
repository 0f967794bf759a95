package dailypapers.store;

import dailypapers.search.SyncCheckpointStore;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link SyncCheckpointStore} on the search_sync_checkpoint table, in SQL SQLite and PostgreSQL both run. */
public final class JdbiSyncCheckpointStore implements SyncCheckpointStore {

    private final Jdbi jdbi;

    public JdbiSyncCheckpointStore(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public Optional<SyncCheckpoint> find(String generation) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT generation, schema_version, model, synced_at FROM search_sync_checkpoint
                        WHERE generation = :generation""")
                .bind("generation", generation)
                .map((rs, ctx) -> new SyncCheckpoint(rs.getString("generation"), rs.getString("schema_version"),
                        rs.getString("model"), Instant.parse(rs.getString("synced_at"))))
                .findOne());
    }

    @Override
    public void save(SyncCheckpoint checkpoint) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO search_sync_checkpoint (generation, schema_version, model, synced_at)
                        VALUES (:generation, :schema, :model, :syncedAt)
                        ON CONFLICT (generation) DO UPDATE SET schema_version = excluded.schema_version,
                            model = excluded.model, synced_at = excluded.synced_at""")
                .bind("generation", checkpoint.generation())
                .bind("schema", checkpoint.schema())
                .bind("model", checkpoint.model())
                .bind("syncedAt", checkpoint.syncedAt().toString())
                .execute());
    }

    @Override
    public void delete(String generation) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM search_sync_checkpoint WHERE generation = :generation")
                .bind("generation", generation)
                .execute());
    }
}
