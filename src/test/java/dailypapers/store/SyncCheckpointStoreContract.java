package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestDatabase;
import dailypapers.search.SyncCheckpointStore.SyncCheckpoint;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The search index's sync checkpoints, one per index generation; run against SQLite and PostgreSQL. */
abstract class SyncCheckpointStoreContract {

    private final TestDatabase kind;

    protected SyncCheckpointStoreContract(TestDatabase kind) {
        this.kind = kind;
    }

    private DatabaseConfig config;
    private Database database;
    private JdbiSyncCheckpointStore checkpoints;

    @BeforeEach
    void open() {
        config = kind.open();
        database = Database.open(config, new SimpleMeterRegistry());
        checkpoints = new JdbiSyncCheckpointStore(database);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
        if (config != null) {
            kind.drop(config);
        }
    }

    @Test
    void eachGenerationKeepsItsOwnCheckpointUntilDeleted() {
        SyncCheckpoint nodeA = new SyncCheckpoint("generation-a", "2", "bge-small-en-v1.5-q/256",
                Instant.parse("2026-08-22T12:00:00.125Z"));
        SyncCheckpoint nodeB = new SyncCheckpoint("generation-b", "2", "", Instant.parse("2026-08-22T12:00:05Z"));
        assertThat(checkpoints.find("generation-a")).isEmpty();

        checkpoints.save(nodeA);
        checkpoints.save(nodeB);

        assertThat(checkpoints.find("generation-a")).contains(nodeA);
        assertThat(checkpoints.find("generation-b")).contains(nodeB);

        SyncCheckpoint later = new SyncCheckpoint("generation-a", "3", "", Instant.parse("2026-08-22T12:10:00Z"));
        checkpoints.save(later);
        assertThat(checkpoints.find("generation-a")).contains(later);

        checkpoints.delete("generation-a");
        checkpoints.delete("never-saved");
        assertThat(checkpoints.find("generation-a")).isEmpty();
        assertThat(checkpoints.find("generation-b")).contains(nodeB);
    }
}
