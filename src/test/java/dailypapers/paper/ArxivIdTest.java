package dailypapers.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArxivIdTest {

    @ParameterizedTest
    @CsvSource({
            "2401.09603, 2401.09603, 0",
            "2401.09603v2, 2401.09603, 2",
            "arXiv:2401.09603v2, 2401.09603, 2",
            "ARXIV:2401.09603, 2401.09603, 0",
            "https://arxiv.org/abs/2401.09603v3, 2401.09603, 3",
            "http://arxiv.org/pdf/2401.09603v1.pdf, 2401.09603, 1",
            "https://arxiv.org/pdf/2401.09603, 2401.09603, 0",
            "arxiv.org/abs/2401.09603, 2401.09603, 0",
            "hep-th/9901001, hep-th/9901001, 0",
            "hep-th/9901001v2, hep-th/9901001, 2",
            "https://arxiv.org/abs/math.GT/0309136, math.GT/0309136, 0",
            "0704.0001, 0704.0001, 0",
            "' 2401.09603 ', 2401.09603, 0"
    })
    void acceptsEveryFormPeoplePaste(String text, String canonical, int version) {
        ArxivId.Versioned parsed = ArxivId.parseVersioned(text);
        assertThat(parsed.id().value()).isEqualTo(canonical);
        assertThat(parsed.version()).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "2401.0960", "2401.096031", "2413.09603", "2400.09603", "1412.12345",
            "1501.1234", "2401.09603v", "https://example.com/abs/2401.09603", "../etc/passwd", "2401.09603/x"})
    void rejectsTextThatIsNotAnId(String text) {
        assertThatThrownBy(() -> ArxivId.parse(text)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ArxivId.tryParse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2401.09603v2", "arXiv:2401.09603", " 2401.09603"})
    void constructorOnlyTakesCanonicalIds(String text) {
        assertThatThrownBy(() -> new ArxivId(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void linksPointBackToArxiv() {
        ArxivId id = ArxivId.parse("2401.09603v2");
        assertThat(id.absUrl()).isEqualTo("https://arxiv.org/abs/2401.09603");
        assertThat(id.pdfUrl()).isEqualTo("https://arxiv.org/pdf/2401.09603");
    }
}
