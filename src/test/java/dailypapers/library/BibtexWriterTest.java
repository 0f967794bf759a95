package dailypapers.library;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.paper.ArxivId;
import dailypapers.paper.Paper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BibtexWriterTest {

    static Paper paper(String id, String title, List<String> authors) {
        return new Paper(ArxivId.parse(id), title, "An abstract with $x^2$ & 50% more.", authors,
                LocalDate.of(2017, 6, 12), LocalDate.of(2017, 6, 12), 1, List.of("cs.CL", "cs.LG"), null, null,
                null, null, null, List.of(), List.of());
    }

    @Test
    void anEntryCarriesArxivFieldsAStableKeyAndAuthorsJoinedWithAnd() {
        String bib = BibtexWriter.write(List.of(paper("1706.03762", "Attention Is All You Need",
                List.of("Ashish Vaswani", "Noam Shazeer"))));

        assertThat(bib).startsWith("@misc{vaswani2017attention_1706.03762,\n")
                .contains("  title         = {{Attention Is All You Need}},\n")
                .contains("  author        = {Ashish Vaswani and Noam Shazeer},\n")
                .contains("  year          = {2017},\n")
                .contains("  month         = jun,\n")
                .contains("  eprint        = {1706.03762},\n")
                .contains("  archivePrefix = {arXiv},\n")
                .contains("  primaryClass  = {cs.CL},\n")
                .contains("  doi           = {10.48550/arXiv.1706.03762},\n")
                .contains("  url           = {https://arxiv.org/abs/1706.03762},\n")
                .endsWith("}\n");
    }

    @Test
    void theKeyIsTheSameInEveryExportAndOldStyleIdsLoseTheirSlash() {
        Paper paper = paper("hep-th/9901001", "The Large N Limit of Superconformal Field Theories",
                List.of("Juan Maldacena"));

        assertThat(CitationKey.of(paper)).isEqualTo("maldacena2017large_hep-th_9901001")
                .isEqualTo(CitationKey.of(paper));
        assertThat(CitationKey.of(paper("2401.09603", "Über Çelik's $\\alpha$-Models", List.of("Zoë Çelik"))))
                .isEqualTo("celik2017uber_2401.09603");
        assertThat(CitationKey.of(paper("2401.09603", "On the", List.of()))).isEqualTo("anonymous2017_2401.09603");
        assertThat(CitationKey.of(paper("2401.09603", "Q&A", List.of("Zoë O’Brien")))).isEqualTo("obrien2017q_2401.09603");
    }

    @Test
    void texSpecialCharactersInTitlesAreEscaped() {
        assertThat(BibtexWriter.title("Q&A: 50% of #1 {braces} a_b ~ x^y back\\slash"))
                .isEqualTo("Q\\&A: 50\\% of \\#1 \\{braces\\} a\\_b \\textasciitilde{} x\\textasciicircum{}y"
                        + " back\\textbackslash{}slash");
    }

    @Test
    void formulasStayTexWhenBalancedAndAreEscapedWhenNot() {
        assertThat(BibtexWriter.title("Scaling $O(n^{2})$ attention for \\$5"))
                .isEqualTo("Scaling $O(n^{2})$ attention for \\$5");
        assertThat(BibtexWriter.title("Broken $x}{$ formula")).isEqualTo("Broken \\$x\\}\\{\\$ formula");
    }

    @Test
    void arxivTexHabitsInProseAreReadBeforeEscaping() {
        assertThat(BibtexWriter.title("97.3\\% accuracy with \\textbf{Fast}--Nets"))
                .isEqualTo("97.3\\% accuracy with Fast–Nets");
    }

    @Test
    void anAuthorBibtexWouldSplitIsBraced() {
        assertThat(BibtexWriter.author("Smith, Jr., John")).isEqualTo("{Smith, Jr., John}");
        assertThat(BibtexWriter.author("Anderson and Sons")).isEqualTo("{Anderson and Sons}");
        assertThat(BibtexWriter.author("Ada  O'Brien_X")).isEqualTo("Ada O'Brien\\_X");
        assertThat(BibtexWriter.author("Andrea Andrews")).isEqualTo("Andrea Andrews");
    }

    @Test
    void bracesInAUrlOrDoiCannotCloseTheField() {
        Paper paper = new Paper(ArxivId.parse("2401.09603"), "T", "", List.of("A B"), LocalDate.of(2024, 1, 17),
                null, 1, List.of(), null, "10.1/x}y{z", null, null, null, List.of(), List.of());

        assertThat(BibtexWriter.write(List.of(paper))).contains("doi           = {10.1/xyz},")
                .doesNotContain("primaryClass").contains("month         = jan,");
    }

    @Test
    void everyExportedEntryReadsBackAsTheSamePaper() {
        List<Paper> papers = List.of(
                paper("1706.03762", "Attention {Is} All & You $\\mathcal{N}$eed", List.of("Ashish Vaswani")),
                paper("hep-th/9901001", "Large N", List.of("Juan Maldacena", "Smith, Jr., John")),
                paper("2401.09603", "Braces } and { unbalanced % 100", List.of()));

        BibtexReader.Result read = BibtexReader.read(BibtexWriter.write(papers));

        assertThat(read.problems()).isEmpty();
        assertThat(read.entries()).extracting(e -> ArxivReference.of(e).orElseThrow())
                .containsExactly(papers.stream().map(Paper::id).toArray(ArxivId[]::new));
        assertThat(read.entries().get(1).field("author"))
                .contains("Juan Maldacena and Smith, Jr., John");
    }

    @Test
    void risHasOneLineATagInCrLfAndEndsEachRecord() {
        String ris = RisWriter.write(List.of(paper("1706.03762", "Attention\nIs $x^2$", List.of("A Vaswani",
                "N Shazeer"))));

        assertThat(ris).startsWith("TY  - UNPB\r\nID  - vaswani2017attention_1706.03762\r\nTI  - Attention Is x^2\r\n")
                .contains("AU  - A Vaswani\r\nAU  - N Shazeer\r\n")
                .contains("PY  - 2017\r\nDA  - 2017/06/12/\r\n")
                .contains("UR  - https://arxiv.org/abs/1706.03762\r\n")
                .contains("DO  - 10.48550/arXiv.1706.03762\r\n")
                .contains("KW  - cs.CL\r\nKW  - cs.LG\r\n")
                .endsWith("ER  - \r\n\r\n");
    }
}
