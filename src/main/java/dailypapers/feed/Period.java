package dailypapers.feed;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A day, an ISO week (Monday to Sunday) or a calendar month of Daily Papers. */
public record Period(Kind kind, LocalDate from) {

    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    public enum Kind { DAY, WEEK, MONTH }

    /** Periods lie in years that ISO dates write with four digits; beyond them, period arithmetic overflows. */
    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    public Period {
        if (from.getYear() < MIN_YEAR || from.getYear() > MAX_YEAR) {
            throw new IllegalArgumentException("expected a year from " + MIN_YEAR + " to " + MAX_YEAR);
        }
        LocalDate expected = switch (kind) {
            case DAY -> from;
            case WEEK -> from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> from.withDayOfMonth(1);
        };
        if (!expected.equals(from)) {
            throw new IllegalArgumentException(kind + " must start on " + expected + ", not " + from);
        }
    }

    public static Period day(LocalDate day) {
        return new Period(Kind.DAY, day);
    }

    public static Period weekOf(LocalDate day) {
        return new Period(Kind.WEEK, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    public static Period monthOf(LocalDate day) {
        return new Period(Kind.MONTH, day.withDayOfMonth(1));
    }

    /** The period of the same kind that contains {@code day}. */
    public Period containing(LocalDate day) {
        return switch (kind) {
            case DAY -> day(day);
            case WEEK -> weekOf(day);
            case MONTH -> monthOf(day);
        };
    }

    /** Parses {@code 2026-08-21}; throws {@link IllegalArgumentException} with the reason (not the input). */
    public static Period parseDay(String text) {
        try {
            return day(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a date like 2026-08-21");
        }
    }

    /** Parses an ISO week such as {@code 2026-W34}. */
    public static Period parseWeek(String text) {
        Matcher m = ISO_WEEK.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected an ISO week like 2026-W34");
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate mid = LocalDate.of(year, 6, 1);
        if (week < 1 || week > mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw new IllegalArgumentException("week " + week + " does not exist in " + year);
        }
        return weekOf(mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week));
    }

    /** Parses a month such as {@code 2026-08}. */
    public static Period parseMonth(String text) {
        try {
            return monthOf(YearMonth.parse(text).atDay(1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a month like 2026-08");
        }
    }

    /** First day after the period. */
    public LocalDate until() {
        return switch (kind) {
            case DAY -> from.plusDays(1);
            case WEEK -> from.plusWeeks(1);
            case MONTH -> from.plusMonths(1);
        };
    }

    /** The key used in URLs and the API: {@code 2026-08-21}, {@code 2026-W34} or {@code 2026-08}. */
    public String key() {
        return switch (kind) {
            case DAY -> from.toString();
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d",
                    from.get(IsoFields.WEEK_BASED_YEAR), from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> YearMonth.from(from).toString();
        };
    }
}
