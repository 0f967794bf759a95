package dailypapers.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DomainRateTest {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:10Z");

    @Test
    void aDomainHasItsShareOfEachClockMinuteWhateverTheCaseOfItsName() {
        DomainRate rate = new DomainRate(2);
        rate.count("a@Example.org", T0);
        rate.count("b@example.ORG", T0.plusSeconds(20));

        assertThat(rate.isExhausted("c@example.org", T0.plusSeconds(49))).isTrue();
        assertThat(rate.isExhausted("c@other.org", T0.plusSeconds(49))).isFalse();
        assertThat(rate.isExhausted("c@example.org", T0.plusSeconds(50))).as("a new minute").isFalse();
    }

    @Test
    void theNextWindowStartsAtTheNextWholeMinute() {
        assertThat(DomainRate.nextWindow(T0)).isEqualTo(Instant.parse("2026-11-30T12:01:00Z"));
        assertThat(DomainRate.nextWindow(Instant.parse("2026-11-30T12:01:00Z")))
                .isEqualTo(Instant.parse("2026-11-30T12:02:00Z"));
    }
}
