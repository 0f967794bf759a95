package dailypapers.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A checkpoint store in a map, for tests of the scheduler where the database is not what is under test. */
final class MemoryCheckpointStore implements CheckpointStore {

    private final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();
    private final List<RunRecord> runs = new ArrayList<>();

    @Override
    public Optional<Checkpoint> checkpoint(String source) {
        return Optional.ofNullable(checkpoints.get(source));
    }

    @Override
    public void saveCheckpoint(String source, Checkpoint checkpoint, Instant at) {
        checkpoints.put(source, checkpoint);
    }

    @Override
    public synchronized void recordRun(String source, RunRecord run) {
        runs.add(run);
    }

    @Override
    public List<SourceState> sources() {
        return List.of();
    }

    synchronized List<RunRecord> runs() {
        return List.copyOf(runs);
    }
}
