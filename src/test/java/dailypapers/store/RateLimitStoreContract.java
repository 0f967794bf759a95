package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.ratelimit.RateLimitStore.Window;
import dailypapers.ratelimit.RateLimitedException;
import dailypapers.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the rate limits' store must do; run against SQLite and PostgreSQL. */
abstract class RateLimitStoreContract extends DatabaseContract {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private JdbiRateLimitStore store;

    protected RateLimitStoreContract(TestDatabase kind) {
        super(kind);
    }

    @BeforeEach
    void open() {
        store = new JdbiRateLimitStore(database());
    }

    @Test
    void hitsCountWithinAWindowAndANewWindowStartsAfterIt() {
        assertThat(store.hit("a", T0, MINUTE)).isEqualTo(new Window(T0, 1));
        assertThat(store.hit("a", T0.plusSeconds(30), MINUTE)).isEqualTo(new Window(T0, 2));
        assertThat(store.hit("b", T0.plusSeconds(30), MINUTE)).isEqualTo(new Window(T0.plusSeconds(30), 1));
        assertThat(store.hit("a", T0.plusSeconds(60), MINUTE)).isEqualTo(new Window(T0.plusSeconds(60), 1));
    }

    @Test
    void concurrentHitsAreEachCountedOnce() throws Exception {
        int threads = 8;
        int hitsEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < hitsEach; i++) {
                        store.hit("busy", T0, MINUTE);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(store.hit("busy", T0, MINUTE).hits()).isEqualTo(threads * hitsEach + 1);
    }

    @Test
    void theLimiterRefusesTheHitOverTheLimitAndSaysWhenToComeBack() {
        RateLimiter limiter = new RateLimiter(store, Clock.fixed(T0.plusSeconds(20), ZoneOffset.UTC));
        for (int i = 0; i < 3; i++) {
            limiter.check("sign-in:ip:192.0.2.1", 3, MINUTE);
        }
        assertThatThrownBy(() -> limiter.check("sign-in:ip:192.0.2.1", 3, MINUTE))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60)));
        limiter.check("sign-in:ip:192.0.2.2", 3, MINUTE);
    }

    @Test
    void sweepingForgetsOnlyWindowsThatStartedBefore() {
        store.hit("old", T0, MINUTE);
        store.hit("new", T0.plusSeconds(120), MINUTE);
        assertThat(store.sweep(T0.plusSeconds(60))).isEqualTo(1);
        assertThat(store.hit("new", T0.plusSeconds(121), MINUTE).hits()).isEqualTo(2);
        assertThat(store.hit("old", T0.plusSeconds(121), MINUTE).hits()).isEqualTo(1);
    }
}
