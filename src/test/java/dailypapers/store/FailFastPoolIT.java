package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pool that is merely busy is not an outage: with its one connection in use, callers wait the connection timeout
 * every time (and get the connection once it is free), rather than being refused at once as while the database is
 * down (DatabaseOutageIT).
 */
class FailFastPoolIT {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    @TempDir
    Path dir;

    @Test
    void aBusyPoolKeepsCallersWaitingRatherThanRefusingThem() {
        DatabaseConfig config = new DatabaseConfig("jdbc:sqlite:" + dir.resolve("busy.db"), null, null, 1, TIMEOUT);
        try (Database database = Database.connect(config, new SimpleMeterRegistry())) {
            try (Handle busy = database.jdbi().open()) {
                busy.execute("SELECT 1");
                for (int attempt = 0; attempt < 2; attempt++) {
                    long started = System.nanoTime();
                    Optional<String> fault = database.whyUnreachable(Duration.ofSeconds(1));
                    Duration waited = Duration.ofNanos(System.nanoTime() - started);
                    assertThat(fault).hasValueSatisfying(f -> assertThat(f).contains("request timed out"));
                    assertThat(waited).as("attempt %d waited for a connection", attempt + 1)
                            .isGreaterThanOrEqualTo(TIMEOUT.minusMillis(50));
                }
            }
            assertThat(database.whyUnreachable(Duration.ofSeconds(1))).as("the connection is free again").isEmpty();
        }
    }
}
