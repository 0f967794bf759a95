package dailypapers.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where each source's checkpoint and the outcome of its last run are kept (the harvest_checkpoint table). */
public interface CheckpointStore {

    Optional<Checkpoint> checkpoint(String source);

    /** Saves where the next run starts; called after each page's papers are stored. */
    void saveCheckpoint(String source, Checkpoint checkpoint, Instant at);

    /** Records a finished run, successful or not; a success also sets the last success time. */
    void recordRun(String source, RunRecord run);

    /** Every source that has a checkpoint or a recorded run, by name. */
    List<SourceState> sources();

    /**
     * A finished run.
     *
     * @param errorCode null for a success
     */
    record RunRecord(Instant startedAt, Instant finishedAt, HarvestCounts counts, HarvestException.Code errorCode,
            String errorMessage) {

        public boolean succeeded() {
            return errorCode == null;
        }
    }

    /** What the store knows of a source. */
    record SourceState(String source, Checkpoint checkpoint, Instant checkpointAt, Instant lastRunStartedAt,
            Instant lastRunFinishedAt, Instant lastSuccessAt, HarvestCounts lastRunCounts,
            HarvestException.Code lastErrorCode, String lastErrorMessage, Instant lastErrorAt,
            int consecutiveFailures) {
    }
}
