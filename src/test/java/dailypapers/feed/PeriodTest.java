package dailypapers.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "0000-06-01", "+10000-01-01"})
    void daysOutsideFourDigitYearsAreRefusedNotOverflowed(String day) {
        assertThatThrownBy(() -> Period.parseDay(day)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a year from 1 to 9999");
    }

    @Test
    void monthsOutsideFourDigitYearsAreRefused() {
        assertThatThrownBy(() -> Period.parseMonth("+999999999-12")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a year from 1 to 9999");
    }

    @Test
    void isoWeekRunsMondayToSunday() {
        Period week = Period.parseWeek("2026-W34");
        assertThat(week.from()).isEqualTo(LocalDate.of(2026, 8, 17));
        assertThat(week.until()).isEqualTo(LocalDate.of(2026, 8, 24));
        assertThat(week.key()).isEqualTo("2026-W34");
    }

    @Test
    void firstIsoWeekCanStartInThePreviousYear() {
        Period week = Period.parseWeek("2026-W01");
        assertThat(week.from()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(Period.weekOf(LocalDate.of(2025, 12, 31)).key()).isEqualTo("2026-W01");
    }

    @Test
    void week53ExistsOnlyInLongYears() {
        assertThat(Period.parseWeek("2026-W53").from()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThatThrownBy(() -> Period.parseWeek("2025-W53")).hasMessageContaining("does not exist");
    }

    @Test
    void monthCoversItsDays() {
        Period month = Period.parseMonth("2024-02");
        assertThat(month.from()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(month.until()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(month.key()).isEqualTo("2024-02");
    }

    @Test
    void containingKeepsTheKind() {
        Period month = Period.parseMonth("2026-08");
        assertThat(month.containing(LocalDate.of(2026, 7, 15))).isEqualTo(Period.parseMonth("2026-07"));
        assertThat(Period.day(LocalDate.of(2026, 8, 21)).containing(LocalDate.of(2026, 8, 20)).key())
                .isEqualTo("2026-08-20");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01", "2026-02-30", "yesterday", "2026-8-1", ""})
    void rejectsBadDays(String text) {
        assertThatThrownBy(() -> Period.parseDay(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a date like 2026-08-21");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-W00", "2026-W54", "2026W34", "2026-34", "2026-W3"})
    void rejectsBadWeeks(String text) {
        assertThatThrownBy(() -> Period.parseWeek(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-00", "2026-13", "2026-8", "August"})
    void rejectsBadMonths(String text) {
        assertThatThrownBy(() -> Period.parseMonth(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
