package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.feed.Period;
import dailypapers.web.CalendarView.Day;
import dailypapers.web.CalendarView.Week;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class CalendarViewTest {

    /** March 2026 starts on a Sunday and ends on a Tuesday: six ISO weeks, W09 to W14. */
    private static final Period MARCH = Period.parseMonth("2026-03");

    @Test
    void rowsAreTheIsoWeeksOfTheMonthWithDaysOfOtherMonthsLeftBlank() {
        CalendarView calendar = CalendarView.of(MARCH, Map.of(), LocalDate.of(2026, 8, 22));

        assertThat(calendar.caption()).isEqualTo("March 2026");
        assertThat(calendar.weekdays()).extracting(CalendarView.Weekday::shortName)
                .containsExactly("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
        assertThat(calendar.weeks()).extracting(Week::label)
                .containsExactly("W9", "W10", "W11", "W12", "W13", "W14");
        assertThat(calendar.weeks().getFirst().href()).isEqualTo("/papers/week/2026-W09");
        assertThat(calendar.weeks().getFirst().days()).hasSize(7).filteredOn(Objects::isNull).hasSize(6);
        assertThat(calendar.weeks().getFirst().days().getLast().date()).isEqualTo("2026-03-01");
        assertThat(calendar.weeks().getLast().days().subList(0, 2)).extracting(Day::dayOfMonth).containsExactly(30, 31);
        assertThat(calendar.weeks().getLast().days().subList(2, 7)).containsOnlyNulls();
        assertThat(calendar.weeks().stream().flatMap(w -> w.days().stream()).filter(Objects::nonNull))
                .hasSize(31);
    }

    @Test
    void theFirstAndLastMonthsPeriodsCanNameHaveCalendarsToo() {
        CalendarView last = CalendarView.of(Period.parseMonth("9999-12"), Map.of(), LocalDate.of(2026, 8, 22));
        assertThat(last.weeks().getLast().days()).containsNull().hasSize(7);
        CalendarView first = CalendarView.of(Period.parseMonth("0001-01"), Map.of(), LocalDate.of(2026, 8, 22));
        assertThat(first.weeks().getFirst().days().getFirst().dayOfMonth()).isEqualTo(1);
    }

    @Test
    void daysWithFeaturedPapersLinkToTheirListingAndSayHowMany() {
        CalendarView calendar = CalendarView.of(MARCH, Map.of(LocalDate.of(2026, 3, 3), 12,
                LocalDate.of(2026, 3, 4), 1), LocalDate.of(2026, 8, 22));

        List<Day> days = calendar.weeks().stream().flatMap(w -> w.days().stream()).filter(Objects::nonNull).toList();
        assertThat(days.get(2)).extracting(Day::papers, Day::href, Day::label)
                .containsExactly(12, "/papers/date/2026-03-03", "12 papers on 3 March 2026");
        assertThat(days.get(3).label()).isEqualTo("1 paper on 4 March 2026");
        assertThat(days.get(4)).extracting(Day::papers, Day::href, Day::label).containsExactly(0, null, null);
        assertThat(days).noneMatch(Day::isToday);
    }

    @Test
    void todayIsMarkedAsTheCurrentDate() {
        CalendarView calendar = CalendarView.of(MARCH, Map.of(LocalDate.of(2026, 3, 5), 2), LocalDate.of(2026, 3, 5));

        Day today = calendar.weeks().stream().flatMap(w -> w.days().stream())
                .filter(d -> d != null && d.isToday()).findFirst().orElseThrow();
        assertThat(today.date()).isEqualTo("2026-03-05");
        assertThat(today.ariaCurrent()).isEqualTo("date");
        assertThat(today.label()).isEqualTo("2 papers on 5 March 2026, today");
    }

    @Test
    void onlyAMonthHasACalendar() {
        assertThatThrownBy(() -> CalendarView.of(Period.parseWeek("2026-W10"), Map.of(), LocalDate.of(2026, 3, 5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
