package dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final Schedule SEVEN = new Schedule(7);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void dailyDigestsAreDueOnWeekdayMorningsInTheSubscribersZone() {
        // Friday 2026-11-27 08:00 in Paris (07:00 UTC): the next is Monday 7:00 Paris, 06:00 UTC.
        assertThat(SEVEN.nextDue(Cadence.DAILY, PARIS, Instant.parse("2026-11-27T07:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-30T06:00:00Z"));
        // Monday 05:59 UTC is before 7:00 Paris: due the same morning.
        assertThat(SEVEN.nextDue(Cadence.DAILY, PARIS, Instant.parse("2026-11-30T05:59:00Z")))
                .isEqualTo(Instant.parse("2026-11-30T06:00:00Z"));
        assertThat(SEVEN.nextDue(Cadence.DAILY, PARIS, Instant.parse("2026-11-30T06:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T06:00:00Z"));
    }

    @Test
    void weeklyDigestsAreDueOnMondays() {
        assertThat(SEVEN.nextDue(Cadence.WEEKLY, ZoneId.of("America/New_York"),
                Instant.parse("2026-11-30T12:00:00Z"))).isEqualTo(Instant.parse("2026-12-07T12:00:00Z"));
    }

    @Test
    void theLocalHourHoldsAcrossAChangeToSummerTime() {
        // Paris moves from UTC+1 to UTC+2 on Sunday 2026-03-29: 7:00 is 06:00 UTC on Friday, 05:00 UTC on Monday.
        assertThat(SEVEN.nextDue(Cadence.DAILY, PARIS, Instant.parse("2026-03-27T05:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-27T06:00:00Z"));
        assertThat(SEVEN.nextDue(Cadence.DAILY, PARIS, Instant.parse("2026-03-27T06:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-30T05:00:00Z"));
    }
}
