package dailypapers.ingest;

import dailypapers.TestDatabases;
import dailypapers.store.Database;
import dailypapers.store.JdbiCheckpointStore;
import dailypapers.store.JdbiPaperStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a harvester test needs: a real SQLite database with the paper and checkpoint stores, a replay server, a
 * test clock and a sleeper that only records. The HTTP policy retries fast and never waits for real.
 */
public final class HarvestFixture implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2026-08-22T12:00:00Z");

    public final TestClock clock = new TestClock(NOW);
    public final RecordingSleeper sleeper = new RecordingSleeper(clock);
    public final ReplayServer server = ReplayServer.start();
    public final Database database;
    public final JdbiPaperStore papers;
    public final JdbiCheckpointStore checkpoints;
    public final HarvestRunner runner;
    private final List<Upstream> upstreams = new ArrayList<>();

    public HarvestFixture() {
        try {
            database = Database.open(TestDatabases.sqlite(Files.createTempDirectory("dailypapers-harvest")),
                    new SimpleMeterRegistry());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        papers = new JdbiPaperStore(database, clock);
        checkpoints = new JdbiCheckpointStore(database);
        runner = new HarvestRunner(checkpoints, clock);
    }

    /** Three tries, 1 s backoff base (recorded, not slept), 500 ms read timeout, circuit opens after 5 failures. */
    public static HttpPolicy policy() {
        return policy(Duration.ofMillis(500), 5);
    }

    /** As {@link #policy()}, with this read timeout and this many failures in a row to open the circuit. */
    public static HttpPolicy policy(Duration readTimeout, int circuitFailures) {
        return new HttpPolicy(Duration.ofSeconds(2), readTimeout, Duration.ZERO, 3, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofMinutes(10), circuitFailures, Duration.ofMinutes(30));
    }

    public Upstream upstream(HttpPolicy policy) {
        Upstream upstream = new Upstream("replay", policy, clock, sleeper, new SplittableRandom(42));
        upstreams.add(upstream);
        return upstream;
    }

    @Override
    public void close() {
        upstreams.forEach(Upstream::close);
        server.close();
        database.close();
    }
}
