package dailypapers.web;

import dailypapers.feed.Period;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A month as a table of ISO weeks (Monday first): each day with featured papers links to its listing and says how
 * many, each week links to its listing, and today is marked.
 *
 * @param caption  the month, such as "May 2026"
 * @param weekdays the column headings, Monday to Sunday
 */
public record CalendarView(String caption, List<Weekday> weekdays, List<Week> weeks) {

    /** The id of the calendar on the month page, so that day pages can link straight to it. */
    public static final String ANCHOR = "calendar";

    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final List<Weekday> WEEKDAYS = Arrays.stream(DayOfWeek.values())
            .map(d -> new Weekday(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                    d.getDisplayName(TextStyle.FULL, Locale.ENGLISH)))
            .toList();

    public CalendarView {
        weekdays = List.copyOf(weekdays);
        weeks = List.copyOf(weeks);
    }

    /** A column heading: "Mon", spelled out as "Monday" for assistive technology. */
    public record Weekday(String shortName, String name) {
    }

    /**
     * A row: the week's number ("W18", spelled out as {@code name}) linking to its listing, and seven days (null
     * for days of the neighbouring months).
     */
    public record Week(String label, String name, String href, List<Day> days) {

        public Week {
            days = Collections.unmodifiableList(new ArrayList<>(days));
        }
    }

    /**
     * One day of the month.
     *
     * @param papers how many papers were featured on the day
     * @param href   the day's listing when it has featured papers, else null
     * @param label  what a screen reader says of that link, such as "12 papers on 3 March 2026", else null
     */
    public record Day(String date, int dayOfMonth, int papers, String href, String label, boolean isToday) {

        /** {@code aria-current} of today's cell, absent on every other day. */
        public String ariaCurrent() {
            return isToday ? "date" : null;
        }
    }

    /** The calendar of {@code month}, given the papers featured on each of its days that has any. */
    static CalendarView of(Period month, Map<LocalDate, Integer> papersByDay, LocalDate today) {
        if (month.kind() != Period.Kind.MONTH) {
            throw new IllegalArgumentException("a calendar shows a month, not a " + month.kind());
        }
        List<Week> weeks = new ArrayList<>();
        // Steps by date: the week after December 9999's last would be out of Period's range.
        for (LocalDate monday = Period.weekOf(month.from()).from(); monday.isBefore(month.until());
                monday = monday.plusWeeks(1)) {
            Period week = Period.weekOf(monday);
            List<Day> days = new ArrayList<>();
            for (LocalDate day = week.from(); day.isBefore(week.until()); day = day.plusDays(1)) {
                boolean inMonth = !day.isBefore(month.from()) && day.isBefore(month.until());
                days.add(inMonth ? day(day, papersByDay.getOrDefault(day, 0), today) : null);
            }
            int number = week.from().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            weeks.add(new Week("W" + number, "Week " + number, Links.period(week), days));
        }
        return new CalendarView(DateText.heading(month), WEEKDAYS, weeks);
    }

    private static Day day(LocalDate day, int papers, LocalDate today) {
        boolean isToday = day.equals(today);
        if (papers == 0) {
            return new Day(day.toString(), day.getDayOfMonth(), 0, null, null, isToday);
        }
        String label = PaperCard.count(papers, "paper") + " on " + SPOKEN.format(day) + (isToday ? ", today" : "");
        return new Day(day.toString(), day.getDayOfMonth(), papers, Links.day(day), label, isToday);
    }
}
