package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PaperDayTest {

    @Test
    void storedDaysReadAsTheFormatterReadsThem() {
        for (LocalDate day = LocalDate.of(1991, 8, 14); day.isBefore(LocalDate.of(2031, 1, 1));
                day = day.plusDays(13)) {
            assertThat(JdbiPaperStore.parseDay(day.toString())).isEqualTo(day);
        }
        assertThat(JdbiPaperStore.parseDay("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(JdbiPaperStore.parseDay("+12024-02-29")).isEqualTo(LocalDate.parse("+12024-02-29"));
    }

    @Test
    void aDayThatIsNoneFailsAsTheFormatterFails() {
        assertThatThrownBy(() -> JdbiPaperStore.parseDay("2023-02-29")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> JdbiPaperStore.parseDay("2023-1a-01")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> JdbiPaperStore.parseDay("")).isInstanceOf(DateTimeException.class);
    }
}
