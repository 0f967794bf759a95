package dailypapers.ingest;

import dailypapers.ingest.CheckpointStore.SourceState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the status page and API show per source: the stored checkpoint and last run, plus what only this process
 * knows (is a run going, is the upstream's circuit open).
 */
public final class HarvestMonitor {

    private final CheckpointStore checkpoints;
    private final HarvestRunner runner;
    private final Map<String, Upstream> upstreams;
    private final boolean scheduled;

    /**
     * @param upstreams each configured source's upstream, in display order
     * @param scheduled whether {@code serve} runs the harvesters on a schedule
     */
    public HarvestMonitor(CheckpointStore checkpoints, HarvestRunner runner, Map<String, Upstream> upstreams,
            boolean scheduled) {
        this.checkpoints = checkpoints;
        this.runner = runner;
        this.upstreams = new LinkedHashMap<>(upstreams);
        this.scheduled = scheduled;
    }

    /** One source's status. {@code state} is empty for a configured source that never ran. */
    public record SourceStatus(String source, String upstream, boolean running, CircuitBreaker.State circuit,
            Instant circuitOpenUntil, Optional<SourceState> state) {
    }

    /** A configured source's upstream circuit as this process knows it: no database read, cheap to ask often. */
    public record Circuit(String source, String upstream, CircuitBreaker.State state, Instant openUntil) {
    }

    public boolean isScheduled() {
        return scheduled;
    }

    /** The configured sources' circuits, in display order. */
    public List<Circuit> circuits() {
        List<Circuit> circuits = new ArrayList<>();
        upstreams.forEach((source, upstream) -> circuits.add(new Circuit(source, upstream.name(),
                upstream.breaker().state(), upstream.breaker().openUntil())));
        return circuits;
    }

    /** Configured sources first, in order, then any others found in the store (e.g. a set harvested by hand). */
    public List<SourceStatus> statuses() {
        Map<String, SourceState> stored = new LinkedHashMap<>();
        checkpoints.sources().forEach(s -> stored.put(s.source(), s));
        List<SourceStatus> statuses = new ArrayList<>();
        circuits().forEach(circuit -> statuses.add(new SourceStatus(circuit.source(), circuit.upstream(),
                runner.isRunning(circuit.source()), circuit.state(), circuit.openUntil(),
                Optional.ofNullable(stored.remove(circuit.source())))));
        stored.values().forEach(state -> statuses.add(new SourceStatus(state.source(), null,
                runner.isRunning(state.source()), null, null, Optional.of(state))));
        return statuses;
    }
}
