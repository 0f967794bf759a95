package dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final Duration OPEN_FOR = Duration.ofMinutes(30);

    private final TestClock clock = new TestClock(HarvestFixture.NOW);
    private final CircuitBreaker breaker = new CircuitBreaker(2, OPEN_FOR, clock);

    @Test
    void opensAfterTheThresholdAndRefusesUntilItsTimeIsUp() {
        breaker.recordFailure();
        assertThat(breaker.tryAdmit()).isTrue();
        breaker.recordFailure();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAdmit()).isFalse();
        assertThat(breaker.openUntil()).isEqualTo(HarvestFixture.NOW.plus(OPEN_FOR));
    }

    @Test
    void onlyOneCallerGetsTheHalfOpenTrial() {
        breaker.recordFailure();
        breaker.recordFailure();
        clock.advance(OPEN_FOR);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);

        assertThat(breaker.tryAdmit()).as("the trial").isTrue();
        assertThat(breaker.tryAdmit()).as("a second caller while the trial runs").isFalse();

        breaker.recordSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAdmit()).isTrue();
    }

    @Test
    void aFailedOrAbandonedTrialWaitsAnotherRound() {
        breaker.recordFailure();
        breaker.recordFailure();
        clock.advance(OPEN_FOR);
        assertThat(breaker.tryAdmit()).isTrue();
        breaker.recordFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);

        clock.advance(OPEN_FOR);
        assertThat(breaker.tryAdmit()).as("a trial that never reports back").isTrue();
        clock.advance(OPEN_FOR);
        assertThat(breaker.tryAdmit()).as("the next trial").isTrue();
    }
}
