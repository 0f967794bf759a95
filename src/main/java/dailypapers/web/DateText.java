package dailypapers.web;

import dailypapers.feed.Period;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** Dates as the pages print them, in English; "this year" is the clock's year, not the server's. */
final class DateText {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY =
            DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final Clock clock;

    DateText(Clock clock) {
        this.clock = clock;
    }

    /** "Mar 4" within the current year, "Oct 16, 2024" otherwise. */
    String relative(LocalDate day) {
        return day.getYear() == LocalDate.now(clock).getYear() ? MONTH_DAY.format(day) : FULL.format(day);
    }

    /** Today by the clock, in UTC as featured days are. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** "Oct 16, 2024". */
    static String full(LocalDate day) {
        return FULL.format(day);
    }

    /** "Friday, August 21, 2026". */
    static String weekday(LocalDate day) {
        return WEEKDAY.format(day);
    }

    /** A period as a heading: a weekday date, "Week 34: Aug 17 – 23, 2026" or "August 2026". */
    static String heading(Period period) {
        return switch (period.kind()) {
            case DAY -> weekday(period.from());
            case WEEK -> "Week " + period.from().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ": " + range(period);
            case MONTH -> MONTH.format(period.from());
        };
    }

    /** A period in a few words, for titles and links: "Aug 21, 2026", "week 34, 2026" or "August 2026". */
    static String label(Period period) {
        return switch (period.kind()) {
            case DAY -> full(period.from());
            case WEEK -> "week " + period.from().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ", "
                    + period.from().get(IsoFields.WEEK_BASED_YEAR);
            case MONTH -> MONTH.format(period.from());
        };
    }

    private static String range(Period period) {
        LocalDate first = period.from();
        LocalDate last = period.until().minusDays(1);
        if (first.getYear() != last.getYear()) {
            return full(first) + " – " + full(last);
        }
        String end = first.getMonth() == last.getMonth()
                ? String.valueOf(last.getDayOfMonth()) : MONTH_DAY.format(last);
        return MONTH_DAY.format(first) + " – " + end + ", " + last.getYear();
    }
}
