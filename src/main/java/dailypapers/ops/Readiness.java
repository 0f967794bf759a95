package dailypapers.ops;

import dailypapers.ingest.CheckpointStore.SourceState;
import dailypapers.ingest.CircuitBreaker;
import dailypapers.ingest.HarvestMonitor;
import dailypapers.mail.MailException;
import dailypapers.mail.MailModule;
import dailypapers.search.SearchIndex;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code /readyz} answers: each dependency by name. The database and the search index are what a node needs to
 * serve at all: either down makes it {@link Status#UNAVAILABLE} (a load balancer takes it out). SMTP and the
 * upstreams the harvesters read only make it {@link Status#DEGRADED}: pages still work, and another node would
 * see the same mail server and the same arXiv.
 *
 * <p>Probes come every second or two from each load balancer, so every check is cheap: the database answers
 * {@code SELECT 1} within {@link #DATABASE_TIMEOUT}; the index is asked without I/O; SMTP and the harvesters'
 * recorded runs are checked in the background at most every {@link #SMTP_INTERVAL} and {@link #HARVEST_INTERVAL};
 * a circuit's state is read from memory.
 */
public final class Readiness {

    private static final Logger log = LoggerFactory.getLogger(Readiness.class);

    /** Well under the few seconds a load balancer waits for a probe, and far above a healthy database's answer. */
    static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(2);
    /** One SMTP session per half minute per node: noticed soon enough, and no burden on the mail server. */
    static final Duration SMTP_INTERVAL = Duration.ofSeconds(30);
    /** The recorded runs change once per harvest (minutes apart); a small read every 10 s is plenty. */
    static final Duration HARVEST_INTERVAL = Duration.ofSeconds(10);

    /** The node as a whole. */
    public enum Status {
        /** Everything is up (or not known yet). */
        READY,
        /** The node serves, but a dependency it can do without is down: mail or an upstream. */
        DEGRADED,
        /** The node cannot serve: the database or the search index is down. */
        UNAVAILABLE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The node's status and each dependency's check, in a stable order. */
    public record Report(Status status, Map<String, Check> checks) {
    }

    private final BoundedCheck database;
    private final SearchIndex index;
    private final Optional<BackgroundCheck<Check>> smtp;
    private final HarvestMonitor harvests;
    private final BackgroundCheck<Map<String, SourceState>> harvestRuns;

    /**
     * @param databaseFault why the database cannot answer within a timeout; empty when it can
     * @param mail          checked only when it sends through SMTP
     * @param harvests      upstreams reported only when harvesting is scheduled on this node
     */
    public Readiness(Function<Duration, Optional<String>> databaseFault, SearchIndex index, MailModule mail,
            HarvestMonitor harvests) {
        this.database = new BoundedCheck(() -> databaseFault.apply(DATABASE_TIMEOUT).map(Check::down)
                .orElseGet(Check::up), DATABASE_TIMEOUT);
        this.index = index;
        this.smtp = mail.sendsBySmtp()
                ? Optional.of(new BackgroundCheck<>(() -> smtpCheck(mail), SMTP_INTERVAL,
                        Check.unknown("not checked yet")))
                : Optional.empty();
        this.harvests = harvests;
        this.harvestRuns = new BackgroundCheck<>(() -> recordedRuns(harvests), HARVEST_INTERVAL, Map.of());
    }

    /** Checks every dependency; never throws and never waits longer than {@link #DATABASE_TIMEOUT}. */
    public Report check() {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("database", database.get());
        checks.put("index", index.fault().map(Check::down).orElseGet(Check::up));
        boolean unavailable = checks.values().stream().anyMatch(c -> c.state() == Check.State.DOWN);
        smtp.ifPresent(check -> checks.put("smtp", check.get()));
        if (harvests.isScheduled()) {
            Map<String, SourceState> runs = harvestRuns.get();
            harvests.circuits().forEach(circuit -> checks.put("upstream:" + circuit.source(),
                    upstreamCheck(circuit, Optional.ofNullable(runs.get(circuit.source())))));
        }
        boolean degraded = checks.values().stream().anyMatch(c -> c.state() == Check.State.DOWN);
        return new Report(unavailable ? Status.UNAVAILABLE : degraded ? Status.DEGRADED : Status.READY, checks);
    }

    private static Check smtpCheck(MailModule mail) {
        try {
            mail.verifyConnection();
            return Check.up();
        } catch (MailException e) {
            return Check.down(e.getMessage());
        }
    }

    /** The harvesters' recorded runs by source; none when the database cannot say (its own check tells why). */
    private static Map<String, SourceState> recordedRuns(HarvestMonitor harvests) {
        Map<String, SourceState> runs = new LinkedHashMap<>();
        try {
            harvests.statuses().forEach(s -> s.state().ifPresent(state -> runs.put(s.source(), state)));
        } catch (RuntimeException e) {
            log.debug("cannot read the harvesters' recorded runs for readiness", e);
        }
        return runs;
    }

    /**
     * An upstream is down while its circuit holds requests back, or while its harvester's last run failed (the
     * harvester retries with backoff inside a run, and the circuit opens only after several failures in a row).
     */
    private static Check upstreamCheck(HarvestMonitor.Circuit circuit, Optional<SourceState> run) {
        int failures = run.map(SourceState::consecutiveFailures).orElse(0);
        boolean down = circuit.state() != CircuitBreaker.State.CLOSED || failures > 0;
        Check check = new Check(down ? Check.State.DOWN : Check.State.UP, Map.of())
                .with("upstream", circuit.upstream())
                .with("circuit", circuit.state().name().toLowerCase(Locale.ROOT));
        if (circuit.openUntil() != null) {
            check = check.with("circuitOpenUntil", circuit.openUntil().toString());
        }
        check = check.with("consecutiveFailures", failures);
        if (failures > 0 && run.get().lastErrorCode() != null) {
            check = check.with("lastError", run.get().lastErrorCode().name().toLowerCase(Locale.ROOT));
        }
        return check;
    }
}
