package dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            commas and a final and (arXivRaw 1302.2146)  | Joshua Berger, Maxim Perelstein, Michael Saelim and Philip Tanedo | Joshua Berger;Maxim Perelstein;Michael Saelim;Philip Tanedo
            a serial comma before and (arXivRaw 0704.0471) | D.V. Shetty, S.J. Yennello, and G.A. Souliotis | D.V. Shetty;S.J. Yennello;G.A. Souliotis
            two names joined by and (arXivRaw)             | Valeria M. Rosa and Patricio S. letelier | Valeria M. Rosa;Patricio S. letelier
            affiliations holding commas and and           | A. One (MIT, Cambridge), B. Two ((1) X and (2) Y), and C. Three | A. One;B. Two;C. Three
            numbered affiliations listed at the end        | Hongjun Choi (1), Xiaojing Zhang (1 and 2) ((1) Univ. A, (2) Univ. B) | Hongjun Choi;Xiaojing Zhang
            et al. as its own entry                        | A. One, B. Two, et al. | A. One;B. Two
            et al. after the last name                     | A. One et al | A. One
            a suffix after a comma                         | S. James Gates, Jr., and B. Two | S. James Gates Jr.;B. Two
            a collaboration                                | The ATLAS Collaboration | The ATLAS Collaboration
            a name that contains and                       | Alexander Anderson and Randy Sandman | Alexander Anderson;Randy Sandman
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
