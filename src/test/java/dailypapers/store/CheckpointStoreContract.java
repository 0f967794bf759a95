package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.ingest.Checkpoint;
import dailypapers.ingest.CheckpointStore.RunRecord;
import dailypapers.ingest.CheckpointStore.SourceState;
import dailypapers.ingest.HarvestCounts;
import dailypapers.ingest.HarvestException;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link dailypapers.ingest.CheckpointStore} must do; run against SQLite and PostgreSQL. */
abstract class CheckpointStoreContract extends DatabaseContract {

    private static final Instant T0 = Instant.parse("2026-08-22T12:00:00Z");
    private static final HarvestCounts SOME = new HarvestCounts(2, 30, 20, 5, 3, 1, 1, 0);

    private JdbiCheckpointStore store;

    protected CheckpointStoreContract(TestDatabase kind) {
        super(kind);
    }

    @BeforeEach
    void open() {
        store = new JdbiCheckpointStore(database());
    }

    @Test
    void aSavedCheckpointIsReadBackAndReplaced() {
        assertThat(store.checkpoint("arxiv:cs")).isEmpty();
        store.saveCheckpoint("arxiv:cs", new Checkpoint("2026-08-01", "726959|1001", "2026-08-22"), T0);
        assertThat(store.checkpoint("arxiv:cs")).contains(new Checkpoint("2026-08-01", "726959|1001", "2026-08-22"));

        store.saveCheckpoint("arxiv:cs", new Checkpoint("2026-08-22", null, null), T0.plusSeconds(5));
        assertThat(store.checkpoint("arxiv:cs")).contains(new Checkpoint("2026-08-22", null, null));
        assertThat(store.checkpoint("hf")).isEmpty();
    }

    @Test
    void runsKeepTheLastSuccessAndCountFailuresInARow() {
        store.saveCheckpoint("hf", new Checkpoint("2026-08-21", null, null), T0);
        store.recordRun("hf", new RunRecord(T0, T0.plusSeconds(3), SOME, null, null));
        store.recordRun("hf", new RunRecord(T0.plusSeconds(60), T0.plusSeconds(61), HarvestCounts.NONE,
                HarvestException.Code.TIMEOUT, "no answer"));
        store.recordRun("hf", new RunRecord(T0.plusSeconds(120), T0.plusSeconds(121), HarvestCounts.NONE,
                HarvestException.Code.SERVER_ERROR, "HTTP 502"));

        SourceState state = store.sources().getFirst();
        assertThat(state.source()).isEqualTo("hf");
        assertThat(state.checkpoint()).isEqualTo(new Checkpoint("2026-08-21", null, null));
        assertThat(state.lastSuccessAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(state.lastRunStartedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(state.lastErrorCode()).isEqualTo(HarvestException.Code.SERVER_ERROR);
        assertThat(state.lastErrorMessage()).isEqualTo("HTTP 502");
        assertThat(state.consecutiveFailures()).isEqualTo(2);

        store.recordRun("hf", new RunRecord(T0.plusSeconds(180), T0.plusSeconds(182), SOME, null, null));
        SourceState recovered = store.sources().getFirst();
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.lastSuccessAt()).isEqualTo(T0.plusSeconds(182));
        assertThat(recovered.lastRunCounts()).isEqualTo(SOME);
        assertThat(recovered.lastErrorCode()).as("the last error stays visible").isEqualTo(
                HarvestException.Code.SERVER_ERROR);
        assertThat(recovered.checkpoint()).as("recording a run leaves the checkpoint alone")
                .isEqualTo(new Checkpoint("2026-08-21", null, null));
    }

    @Test
    void sourcesAreListedByName() {
        store.recordRun("hf", new RunRecord(T0, T0, HarvestCounts.NONE, null, null));
        store.saveCheckpoint("arxiv:stat.ML", new Checkpoint("2026-08-01", null, null), T0);
        store.saveCheckpoint("arxiv:cs", new Checkpoint("2026-08-01", null, null), T0);
        assertThat(store.sources()).extracting(SourceState::source).containsExactly("arxiv:cs", "arxiv:stat.ML", "hf");
        assertThat(store.sources().getFirst().lastRunStartedAt()).isNull();
    }
}
