package dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TextFieldsTest {

    @Test
    void aTimestampGivesItsUtcDayInArXivsAndHuggingFacesForms() throws RejectedRecord {
        assertThat(TextFields.utcDay("2016-11-29T08:18:38Z", "published", true)).isEqualTo(LocalDate.of(2016, 11, 29));
        assertThat(TextFields.utcDay(" 2025-06-09T17:59:53.000Z ", "publishedAt", true))
                .isEqualTo(LocalDate.of(2025, 6, 9));
        assertThat(TextFields.utcDay("2025-06-09T23:30:00-05:00", "publishedAt", true))
                .isEqualTo(LocalDate.of(2025, 6, 10));
    }

    @Test
    void aMissingValueIsNullUnlessRequired() throws RejectedRecord {
        assertThat(TextFields.day(" ", "updated", false)).isNull();
        assertThat(TextFields.utcDay(null, "updated", false)).isNull();
        assertThatThrownBy(() -> TextFields.day(null, "published", true)).hasMessage("field 'published': missing");
    }

    @Test
    void aBadValueIsRejectedWithAShortEcho() {
        assertThatThrownBy(() -> TextFields.day("2024-13-01", "published", true))
                .hasMessage("field 'published': invalid date '2024-13-01', expected YYYY-MM-DD");
        assertThatThrownBy(() -> TextFields.utcDay("x".repeat(80), "published", true))
                .hasMessage("field 'published': invalid timestamp '" + "x".repeat(60) + "…', expected like "
                        + "2025-06-09T17:59:53Z");
    }
}
