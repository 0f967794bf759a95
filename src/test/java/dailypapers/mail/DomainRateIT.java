package dailypapers.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.store.JdbiRateLimitStore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-domain limit as two app nodes see it: counted in the shared database, per clock minute. */
class DomainRateIT extends DatabaseContract {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:10Z");

    DomainRateIT() {
        super(TestDatabase.SQLITE);
    }

    @Test
    void aDomainHasItsShareOfEachClockMinuteWhicheverNodeSends() {
        DomainRate nodeA = new DomainRate(new JdbiRateLimitStore(database()), 2);
        DomainRate nodeB = new DomainRate(new JdbiRateLimitStore(database()), 2);

        assertThat(nodeA.take("a@Example.org", T0)).isTrue();
        assertThat(nodeB.take("b@example.ORG", T0.plusSeconds(20))).as("the case of a domain makes no other").isTrue();
        assertThat(nodeA.take("c@example.org", T0.plusSeconds(49))).isFalse();
        assertThat(nodeB.take("c@example.org", T0.plusSeconds(49))).as("the other node counts the same").isFalse();
        assertThat(nodeB.take("c@other.org", T0.plusSeconds(49))).isTrue();
        assertThat(nodeA.take("c@example.org", T0.plusSeconds(50))).as("a new minute").isTrue();
    }

    @Test
    void theNextWindowStartsAtTheNextWholeMinute() {
        assertThat(DomainRate.nextWindow(T0)).isEqualTo(Instant.parse("2026-11-30T12:01:00Z"));
        assertThat(DomainRate.nextWindow(Instant.parse("2026-11-30T12:01:00Z")))
                .isEqualTo(Instant.parse("2026-11-30T12:02:00Z"));
    }
}
