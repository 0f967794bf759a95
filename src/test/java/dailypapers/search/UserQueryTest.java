package dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserQueryTest {

    @Test
    void wordsPhrasesAndFiltersAreTakenApart() {
        UserQuery q = UserQuery.parse("early exit \"layer-wise\" author:\"Yann LeCun\" cat:cs.LG year:2024..2025 has:code");
        assertThat(q.text()).isEqualTo("early exit");
        assertThat(q.phrases()).containsExactly("layer-wise");
        assertThat(q.plainText()).isEqualTo("early exit layer-wise");
        assertThat(q.filters().authors()).containsExactly("Yann LeCun");
        assertThat(q.filters().categories()).containsExactly("cs.LG");
        assertThat(q.filters().from()).hasValue(LocalDate.of(2024, 1, 1));
        assertThat(q.filters().until()).hasValue(LocalDate.of(2026, 1, 1));
        assertThat(q.filters().hasCode()).isTrue();
        assertThat(q.warnings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "year:2025, 2025-01-01, 2026-01-01",
            "year:2024.., 2024-01-01, ",
            "year:..2024, , 2025-01-01",
            "date:2025-03, 2025-03-01, 2025-04-01",
            "date:2025-03-01..2025-06-30, 2025-03-01, 2025-07-01",
            "date:2024-02-29, 2024-02-29, 2024-03-01",
            "year:2020..2025 year:2023, 2023-01-01, 2024-01-01"})
    void datesBecomeHalfOpenRanges(String query, LocalDate from, LocalDate until) {
        UserQuery q = UserQuery.parse(query);
        assertThat(q.filters().from()).isEqualTo(Optional.ofNullable(from));
        assertThat(q.filters().until()).isEqualTo(Optional.ofNullable(until));
        assertThat(q.warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"year:20x5", "year:2025..2024", "date:2025-13", "date:2025-02-30", "year:..", "cat:!!",
            "has:slides", "author:", "year:"})
    void badFiltersAreDroppedWithAWarning(String query) {
        UserQuery q = UserQuery.parse(query + " words");
        assertThat(q.warnings()).singleElement().asString().startsWith("Ignored '");
        assertThat(q.text()).isEqualTo("words");
        assertThat(q.filters().isEmpty()).isTrue();
    }

    @Test
    void anUnbalancedQuoteIsIgnored() {
        UserQuery q = UserQuery.parse("diffusion \"video generation");
        assertThat(q.phrases()).isEmpty();
        assertThat(q.text()).isEqualTo("diffusion video generation");
    }

    @Test
    void unknownOperatorsAndLuceneSyntaxAreWords() {
        UserQuery q = UserQuery.parse("title:transformers AND (a OR b)^2 https://arxiv.org/abs/2401.09603");
        assertThat(q.filters().isEmpty()).isTrue();
        assertThat(q.text()).isEqualTo("title:transformers AND (a OR b)^2 https://arxiv.org/abs/2401.09603");
    }

    @Test
    void operatorsIgnoreCaseAndCategoryHasAnAlias() {
        UserQuery q = UserQuery.parse("Author:lecun CATEGORY:cs.CV HAS:Code");
        assertThat(q.filters().authors()).containsExactly("lecun");
        assertThat(q.filters().categories()).containsExactly("cs.CV");
        assertThat(q.filters().hasCode()).isTrue();
        assertThat(q.hasWords()).isFalse();
        assertThat(q.isEmpty()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2401.09603", "arXiv:2401.09603v2", "https://arxiv.org/abs/2401.09603",
            "arxiv.org/pdf/2401.09603v1.pdf", " 2401.09603 "})
    void anIdInAnyFormIsRecognised(String query) {
        assertThat(UserQuery.parse(query).arxivId()).hasValueSatisfying(id -> assertThat(id.value())
                .isEqualTo("2401.09603"));
    }

    @Test
    void anIdAmongWordsIsJustAWord() {
        assertThat(UserQuery.parse("2401.09603 results").arxivId()).isEmpty();
        assertThat(UserQuery.parse("hep-th/9901001").arxivId()).isPresent();
    }

    @Test
    void emptyAndBlankQueriesAreEmpty() {
        assertThat(UserQuery.parse("").isEmpty()).isTrue();
        assertThat(UserQuery.parse("   \"\"  ").isEmpty()).isTrue();
        assertThat(UserQuery.parse(null).isEmpty()).isTrue();
    }

    @Test
    void parsingNeverFails() {
        for (String query : List.of("\"", "\"\"\"", "a:", ":", "::\"", "author:\"", "x\"y\"z", "\\\"", "a\u0000b",
                "😀:😀", "year:9999999999", "date:0000-00-00")) {
            UserQuery q = UserQuery.parse(query);
            assertThat(q.raw()).isEqualTo(query);
        }
    }
}
