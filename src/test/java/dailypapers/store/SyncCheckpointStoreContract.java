package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.search.SyncCheckpointStore.SyncCheckpoint;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The search index's sync checkpoints, one per index generation; run against SQLite and PostgreSQL. */
abstract class SyncCheckpointStoreContract extends DatabaseContract {

    protected SyncCheckpointStoreContract(TestDatabase kind) {
        super(kind);
    }

    private JdbiSyncCheckpointStore checkpoints;

    @BeforeEach
    void open() {
        checkpoints = new JdbiSyncCheckpointStore(database());
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
