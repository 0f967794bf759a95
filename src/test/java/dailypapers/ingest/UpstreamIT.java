package dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dailypapers.ingest.ReplayServer.Reply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Politeness without a lock held while waiting: callers reserve the host's next slot and sleep outside any lock, a
 * Retry-After holds the host for everyone, and a caller with a deadline fails fast instead of queueing behind a
 * harvest. Runs against a loopback replay server; the test clock moves only when a sleeper says so.
 */
class UpstreamIT {

    private static final Duration INTERVAL = Duration.ofSeconds(3);
    private static final Duration LOOKUP_DEADLINE = Duration.ofSeconds(2);

    private final TestClock clock = new TestClock(HarvestFixture.NOW);
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private ReplayServer server;
    private URI uri;

    @BeforeEach
    void start() {
        server = ReplayServer.start();
        server.route(u -> Reply.ok(u.getQuery().getBytes(StandardCharsets.UTF_8), "text/plain"));
        uri = URI.create(server.baseUrl() + "/api/query?id_list=1611.09520");
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        server.close();
    }

    private static HttpPolicy policy(Duration interval) {
        return HarvestFixture.policy().withMinInterval(interval);
    }

    private Upstream upstream(HttpPolicy policy, Sleeper sleeper) {
        return new Upstream("replay", policy, clock, sleeper, new SplittableRandom(42));
    }

    private static String text(Upstream.Response response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void concurrentCallersAreSpacedByTheInterval() throws Exception {
        try (Upstream upstream = upstream(policy(INTERVAL), sleeper)) {
            CountDownLatch go = new CountDownLatch(1);
            Future<String> first = threads.submit(() -> {
                go.await();
                return upstream.get(uri, UpstreamIT::text);
            });
            Future<String> second = threads.submit(() -> {
                go.await();
                return upstream.get(uri, UpstreamIT::text);
            });
            go.countDown();

            assertThat(first.get()).isEqualTo(second.get());
            assertThat(server.requests()).hasSize(2);
            assertThat(sleeper.sleeps()).as("whichever came second waited its turn").containsExactly(INTERVAL);
        }
    }

    @Test
    void aCallerWithADeadlineFailsFastWhenItsTurnComesTooLate() throws Exception {
        try (Upstream upstream = upstream(policy(INTERVAL), sleeper)) {
            upstream.get(uri, UpstreamIT::text);

            assertThatThrownBy(() -> upstream.get(uri, UpstreamIT::text, LOOKUP_DEADLINE))
                    .isInstanceOfSatisfying(HarvestException.class,
                            e -> assertThat(e.code()).isEqualTo(HarvestException.Code.BUSY));
            assertThat(sleeper.sleeps()).isEmpty();
            assertThat(server.requests()).hasSize(1);

            assertThat(upstream.get(uri, UpstreamIT::text, Duration.ofSeconds(5))).contains("id_list");
            assertThat(sleeper.sleeps()).containsExactly(INTERVAL);
        }
    }

    @Test
    void aLookupDoesNotWaitWhileAHarvestSitsOutARetryAfter() throws Exception {
        GatedSleeper gated = new GatedSleeper(clock);
        try (Upstream upstream = upstream(policy(Duration.ZERO), gated)) {
            server.failNext(Reply.status(503, Map.of("Retry-After", "60")));
            Future<String> harvest = threads.submit(() -> upstream.get(uri, UpstreamIT::text));
            gated.awaitSleeper();

            HarvestException busy = assertTimeoutPreemptively(LOOKUP_DEADLINE, () -> {
                try {
                    upstream.get(uri, UpstreamIT::text, LOOKUP_DEADLINE);
                    throw new AssertionError("the lookup went to a host that asked for 60 s of quiet");
                } catch (HarvestException e) {
                    return e;
                }
            });
            assertThat(busy.code()).isEqualTo(HarvestException.Code.BUSY);
            assertThat(busy.getMessage()).contains("60 s");

            gated.open();
            assertThat(harvest.get()).contains("id_list");
            assertThat(gated.sleeps).containsExactly(Duration.ofSeconds(60));
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void aRetryAfterHoldsTheHostForEveryCaller() throws Exception {
        try (Upstream upstream = upstream(policy(Duration.ZERO), sleeper)) {
            server.failNext(Reply.status(503, Map.of("Retry-After", "60")));

            assertThatThrownBy(() -> upstream.get(uri, UpstreamIT::text, LOOKUP_DEADLINE))
                    .isInstanceOfSatisfying(HarvestException.class,
                            e -> assertThat(e.code()).isEqualTo(HarvestException.Code.BUSY));
            upstream.get(uri, UpstreamIT::text);

            assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(60));
        }
    }

    @Test
    void aTimeoutCutShortByTheDeadlineDoesNotCountAgainstTheHost() throws Exception {
        try (Upstream upstream = upstream(HarvestFixture.policy(Duration.ofSeconds(10), 1), sleeper)) {
            server.failNext(Reply.slow("late".getBytes(StandardCharsets.UTF_8)));

            assertThatThrownBy(() -> upstream.get(uri, UpstreamIT::text, Duration.ofMillis(300)))
                    .isInstanceOfSatisfying(HarvestException.class,
                            e -> assertThat(e.code()).isEqualTo(HarvestException.Code.TIMEOUT));
            assertThat(upstream.breaker().state()).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }

    /** Holds every sleep until the test opens it, so a caller can be caught in the middle of a wait. */
    @Test
    void aBodyOverTheCapIsRefusedWithoutARetryWhetherOrNotItSaysItsLength() throws Exception {
        byte[] body = new byte[64 * 1024];
        try (Upstream upstream = upstream(policy(Duration.ZERO), sleeper)) {
            server.route(u -> Reply.ok(body, "application/pdf"));
            assertThatThrownBy(() -> upstream.get(uri, Upstream.Response::body, 1_000))
                    .isInstanceOfSatisfying(HarvestException.class,
                            e -> assertThat(e.code()).isEqualTo(HarvestException.Code.TOO_LARGE));
            server.route(u -> Reply.chunked(body));
            assertThatThrownBy(() -> upstream.get(uri, Upstream.Response::body, 1_000))
                    .isInstanceOfSatisfying(HarvestException.class,
                            e -> assertThat(e.code()).isEqualTo(HarvestException.Code.TOO_LARGE));

            assertThat(server.requests()).as("never retried").hasSize(2);
            assertThat(upstream.breaker().state()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(upstream.get(uri, Upstream.Response::body, body.length)).hasSize(body.length);
            server.route(u -> Reply.chunked(body));
            assertThat(upstream.get(uri, Upstream.Response::body, body.length)).isEqualTo(body);
        }
    }

    @Test
    void aCappedBodyThatStopsArrivingTimesOutLikeAMissingAnswer() {
        try (Upstream upstream = upstream(HarvestFixture.policy(Duration.ofMillis(300), 5), sleeper)) {
            server.route(u -> Reply.stalled(new byte[100]));
            assertThatThrownBy(() -> upstream.get(uri, Upstream.Response::body, 1_000))
                    .isInstanceOfSatisfying(HarvestException.class,
                            e -> assertThat(e.code()).isEqualTo(HarvestException.Code.TIMEOUT));
        }
    }

    private static final class GatedSleeper implements Sleeper {

        private final TestClock clock;
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch gate = new CountDownLatch(1);
        private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

        GatedSleeper(TestClock clock) {
            this.clock = clock;
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            sleeps.add(duration);
            entered.countDown();
            gate.await();
            clock.advance(duration);
        }

        void awaitSleeper() throws InterruptedException {
            assertThat(entered.await(5, TimeUnit.SECONDS)).as("a caller started to wait")
                    .isTrue();
        }

        void open() {
            gate.countDown();
        }
    }
}
