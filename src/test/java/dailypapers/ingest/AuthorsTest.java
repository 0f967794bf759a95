package dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorsTest {

    /** The first three are real arXivRaw author strings (1302.2146, 0704.0471 and 0704.1109 in the fixtures). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            and              | Joshua Berger, Maxim Perelstein, Michael Saelim and Philip Tanedo | Joshua Berger;Maxim Perelstein;Michael Saelim;Philip Tanedo
            serial comma     | D.V. Shetty, S.J. Yennello, and G.A. Souliotis  | D.V. Shetty;S.J. Yennello;G.A. Souliotis
            two names        | Valeria M. Rosa and Patricio S. letelier        | Valeria M. Rosa;Patricio S. letelier
            affiliations     | A. One (MIT, Cambridge), B. Two ((1) X and (2) Y), and C. Three | A. One;B. Two;C. Three
            numbered         | H. Choi (1), X. Zhang (1 and 2) ((1) Univ. A, (2) Univ. B) | H. Choi;X. Zhang
            et al. entry     | A. One, B. Two, et al.                          | A. One;B. Two
            et al. after     | A. One et al                                    | A. One
            suffix           | S. James Gates, Jr., and B. Two                 | S. James Gates Jr.;B. Two
            collaboration    | The ATLAS Collaboration                         | The ATLAS Collaboration
            and inside names | Alexander Anderson and Randy Sandman            | Alexander Anderson;Randy Sandman
            """)
    void splitsAnAuthorString(String description, String authors, String expected) {
        assertThat(Authors.split(authors)).containsExactly(expected.split(";"));
    }

    @Test
    void commasOnlyAsInTheKaggleSnapshot() {
        assertThat(Authors.split("C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan"))
                .containsExactly("C. Bal\\'azs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan");
    }

    @Test
    void lineBreaksAndRunsOfSpacesCollapse() {
        assertThat(Authors.split("A.  One,\n   B. Two\nand C.\tThree"))
                .containsExactly("A. One", "B. Two", "C. Three");
    }

    @Test
    void nothingGivesNoAuthors() {
        assertThat(Authors.split(null)).isEmpty();
        assertThat(Authors.split("  ")).isEmpty();
        assertThat(Authors.split("(no authors listed)")).isEmpty();
    }

    @Test
    void aFullNameJoinsItsPartsAndSkipsMissingOnes() {
        assertThat(Authors.fullName("Philipp A", "Hoehn", null)).isEqualTo("Philipp A Hoehn");
        assertThat(Authors.fullName(" Sylvester James", "Gates", "Jr.")).isEqualTo("Sylvester James Gates Jr.");
        assertThat(Authors.fullName(null, "Sergyeyev", "")).isEqualTo("Sergyeyev");
        assertThat(Authors.fullName(null, " ", null)).isEmpty();
    }
}
