package dailypapers.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When digests are due: at {@code hour} o'clock in the subscriber's time zone, every weekday (daily) or every
 * Monday (weekly). Across a daylight-saving gap the time moves forward, as {@link ZonedDateTime#of} does.
 */
public record Schedule(int hour) {

    public Schedule {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0..23, got " + hour);
        }
    }

    /** The first due time strictly after {@code after}. */
    public Instant nextDue(Cadence cadence, ZoneId zone, Instant after) {
        LocalDate day = after.atZone(zone).toLocalDate();
        while (true) {
            Instant candidate = ZonedDateTime.of(day, LocalTime.of(hour, 0), zone).toInstant();
            if (candidate.isAfter(after) && sendsOn(cadence, day.getDayOfWeek())) {
                return candidate;
            }
            day = day.plusDays(1);
        }
    }

    private static boolean sendsOn(Cadence cadence, DayOfWeek day) {
        return switch (cadence) {
            case DAILY -> day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
            case WEEKLY -> day == DayOfWeek.MONDAY;
        };
    }
}
