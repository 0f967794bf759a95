package dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DigestMailTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Test
    void theSubjectSaysWhatIsInsideAndTheDay() {
        assertThat(DigestMail.subject(Set.of(0, 1, 2, 3), MONDAY)).isEqualTo("Trending papers and 3 topics — Mon 7 Dec");
        assertThat(DigestMail.subject(Set.of(0, 2), MONDAY)).isEqualTo("Trending papers and 1 topic — Mon 7 Dec");
        assertThat(DigestMail.subject(Set.of(0), MONDAY)).isEqualTo("Trending papers — Mon 7 Dec");
        assertThat(DigestMail.subject(Set.of(1, 2), MONDAY)).isEqualTo("New papers on 2 topics — Mon 7 Dec");
    }

    @Test
    void theFirstThreeAuthorsAreNamedThenEtAl() {
        assertThat(DigestMail.authors(List.of("A", "B"))).isEqualTo("A, B");
        assertThat(DigestMail.authors(List.of("A", "B", "C"))).isEqualTo("A, B, C");
        assertThat(DigestMail.authors(List.of("A", "B", "C", "D"))).isEqualTo("A, B, C et al.");
        assertThat(DigestMail.authors(List.of())).isEqualTo("Unknown authors");
    }

    @Test
    void anAbstractIsCutAtAWordWithAnEllipsis() {
        String shortText = "We study things.";
        assertThat(DigestMail.excerpt(shortText)).isEqualTo(shortText);
        String longText = "word ".repeat(100).strip();
        String excerpt = DigestMail.excerpt(longText);
        assertThat(excerpt).endsWith("word…").hasSizeLessThanOrEqualTo(DigestMail.EXCERPT_CHARS + 1);
        String oneWord = "x".repeat(400);
        assertThat(DigestMail.excerpt(oneWord)).hasSize(DigestMail.EXCERPT_CHARS + 1);
    }
}
