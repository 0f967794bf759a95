package dailypapers;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.account.Role;
import dailypapers.job.JobScheduler;
import dailypapers.store.DatabaseConfig;
import dailypapers.store.PrivatePostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL restarted under a running app (a private server the test stops and starts): meanwhile {@code /readyz}
 * says the database is down, pages and the API answer a clear 503 at once rather than hang or fail with a 500, jobs
 * fail and keep their schedule; once the server is back everything works again without restarting the app.
 */
class DatabaseOutageIT {

    private static final LocalDate DAY = LocalDate.of(2026, 8, 21);
    private static final String PAPER = "2608.00001";
    /** The first request of an outage waits the pool's timeout; the rest are answered at once. */
    private static final Duration FIRST_FAILURE = DatabaseConfig.DEFAULT_CONNECTION_TIMEOUT.plusMillis(1_500);
    private static final Duration LATER_FAILURE = Duration.ofMillis(500);
    private static final Duration RECOVERY = Duration.ofSeconds(15);
    private static final List<String> PAGES = List.of("/", "/papers/" + PAPER, "/search?q=sparse",
            "/papers/date/" + DAY);
    private static final List<String> API = List.of("/api/daily_papers?date=" + DAY, "/api/papers/" + PAPER,
            "/api/papers/search?q=sparse");

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anOutageIsA503AtOnceAndTheAppRecoversWithoutARestart() throws Exception {
        try (PrivatePostgres postgres = PrivatePostgres.start();
                TestApp app = TestApp.start(new Config(dir, postgres.createDatabase("outage"), "127.0.0.1", 0))) {
            app.app().feed().papers().upsert(List.of(paper().id(PAPER).featuredOn(DAY).published(DAY).upvotes(3)
                    .title("Sparse attention that outlives its database").build()));
            app.app().search().indexer().sync();
            TestMember member = app.member(Role.MEMBER);
            app.app().startJobs();
            assertThat(app.get("/readyz").statusCode()).isEqualTo(200);
            PAGES.forEach(path -> assertThat(app.get(path).statusCode()).as(path).isEqualTo(200));

            postgres.stop();

            Timed<HttpResponse<String>> readyz = timed(() -> app.get("/readyz"));
            assertThat(readyz.value().statusCode()).isEqualTo(503);
            assertThat(json.readTree(readyz.value().body()).at("/checks/database/status").asText()).isEqualTo("down");
            assertThat(readyz.elapsed()).as("/readyz answers within its bound").isLessThan(Duration.ofMillis(2_500));

            Timed<HttpResponse<String>> first = timed(() -> app.get("/"));
            assertUnavailablePage(first.value());
            assertThat(first.elapsed()).as("the first request waits at most the connection timeout")
                    .isLessThan(FIRST_FAILURE);
            List<Duration> later = new ArrayList<>();
            for (String path : PAGES) {
                Timed<HttpResponse<String>> page = timed(() -> app.get(path));
                assertUnavailablePage(page.value());
                later.add(page.elapsed());
            }
            for (String path : API) {
                Timed<HttpResponse<String>> answer = timed(() -> app.get(path));
                assertUnavailableJson(answer.value());
                later.add(answer.elapsed());
            }
            Timed<HttpResponse<String>> vote = timed(() -> member.postJson("/api/papers/" + PAPER + "/upvote", "{}"));
            assertUnavailableJson(vote.value());
            later.add(vote.elapsed());
            // One caller per connection timeout waits as a trial; every other is answered at once.
            assertThat(later).allMatch(elapsed -> elapsed.compareTo(FIRST_FAILURE) < 0)
                    .filteredOn(elapsed -> elapsed.compareTo(LATER_FAILURE) >= 0).hasSizeLessThanOrEqualTo(1);
            long fastest = later.stream().mapToLong(Duration::toMillis).min().orElseThrow();
            long median = later.stream().mapToLong(Duration::toMillis).sorted().toArray()[later.size() / 2];
            assertThat(app.get("/healthz").statusCode()).as("the process itself is alive").isEqualTo(200);
            assertThat(app.app().jobs().runNow("rate-limit-sweep")).as("a job fails, and says so")
                    .isEqualTo(JobScheduler.Outcome.FAILED);

            long restarted = System.nanoTime();
            postgres.startAgain();
            long deadline = System.nanoTime() + RECOVERY.toNanos();
            while (app.get("/readyz").statusCode() != 200) {
                assertThat(System.nanoTime()).as("/readyz is 200 again within " + RECOVERY).isLessThan(deadline);
                Thread.sleep(100);
            }
            Duration recovered = Duration.ofNanos(System.nanoTime() - restarted);
            PAGES.forEach(path -> assertThat(app.get(path).statusCode()).as(path).isEqualTo(200));
            HttpResponse<String> upvoted = member.postJson("/api/papers/" + PAPER + "/upvote", "{}");
            assertThat(upvoted.statusCode()).as(upvoted.body()).isEqualTo(200);
            assertThat(json.readTree(upvoted.body()).get("upvotes").asInt()).isEqualTo(4);
            assertThat(app.app().jobs().runNow("rate-limit-sweep")).isEqualTo(JobScheduler.Outcome.RAN);

            // The scheduled index sync kept its schedule through the outage: a paper written now is found.
            app.app().feed().papers().upsert(List.of(paper().id("2608.00002").featuredOn(DAY).published(DAY)
                    .title("Quasiperiodic lattices after the restart").build()));
            long searchDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
            while (json.readTree(app.get("/api/papers/search?q=quasiperiodic").body()).isEmpty()) {
                assertThat(System.nanoTime()).as("the index sync job found the new paper").isLessThan(searchDeadline);
                Thread.sleep(250);
            }
            System.out.printf("database outage: /readyz 503 in %d ms; first request 503 in %d ms, %d later ones in"
                    + " %d ms (fastest) to %d ms (median); ready again %d ms after PostgreSQL was started (its start"
                    + " included)%n", readyz.elapsed().toMillis(), first.elapsed().toMillis(), later.size(), fastest,
                    median, recovered.toMillis());
        }
    }

    private static void assertUnavailablePage(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.uri() + ": " + page.body()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        assertThat(page.headers().firstValue("Retry-After")).contains("5");
        assertThat(page.body()).contains("The database is unavailable at the moment")
                .doesNotContain("Exception", "\tat ", "SQL", "127.0.0.1");
    }

    private void assertUnavailableJson(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(503);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("code").asText()).isEqualTo("database_unavailable");
        assertThat(body.get("error").asText()).contains("The database is unavailable").doesNotContain("SQL");
    }

    private static <T> Timed<T> timed(Supplier<T> call) {
        long started = System.nanoTime();
        T value = call.get();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - started));
    }

    private record Timed<T>(T value, Duration elapsed) {
    }
}
