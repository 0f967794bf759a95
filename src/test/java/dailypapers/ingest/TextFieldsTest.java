package dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @Test
    void cleaningRemovesCharactersNoPageShowsThenCollapsesWhitespace() {
        assertThat(TextFields.clean(" A\u0000 \n\t title\u202E \u0007 ")).isEqualTo("A title");
        assertThat(TextFields.clean(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/org/repo", "http://example.org", "HTTPS://Example.org:8443/a?b=c#d",
            "https://[2001:db8::1]/x", "https://example.org/%E2%9C%93"})
    void anAbsoluteHttpUrlWithAHostIsALink(String url) {
        assertThat(TextFields.httpUrl(" " + url + "\n")).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,x", "ftp://example.org/", "//example.org/x",
            "/relative", "github.com/org/repo", "https://", "https:///path", "http:example.org",
            "https://exa mple.org", "https://example.org/a b", "https://example.org/\"x", "https://example.org/'x",
            "https://example.org/<x>", "https://example.org/\\x", "https://example.org/\u0000",
            "https://example.org/\u0085", "https://example.org/\u202Egnp.exe", "https://user:pw@example.org/",
            "https://github.com@evil.example/"})
    void anythingElseIsNotALink(String value) {
        assertThat(TextFields.httpUrl(value)).isNull();
    }
}
