package dailypapers.library;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.paper.ArxivId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BibtexReaderTest {

    @Test
    void readsBracedQuotedNumberAndAbbreviatedValuesWithTheirLines() {
        BibtexReader.Result read = BibtexReader.read("""
                % a comment line
                @string{ arx = "arXiv preprint " }
                @preamble{ "\\newcommand{\\x}{y}" }

                @Article{ first,
                  Title = {A {Nested} Title},
                  journal = arx # "arXiv:2401.09603",
                  year = 2024,
                }
                @comment{ @article{ not-an-entry, } }
                @inproceedings(second, title = "Quoted {with} braces", note={x})
                """);

        assertThat(read.problems()).isEmpty();
        assertThat(read.entries()).hasSize(2);
        BibtexEntry first = read.entries().getFirst();
        assertThat(first.line()).isEqualTo(5);
        assertThat(first.type()).isEqualTo("article");
        assertThat(first.key()).isEqualTo("first");
        assertThat(first.field("title")).contains("A Nested Title");
        assertThat(first.field("journal")).contains("arXiv preprint arXiv:2401.09603");
        assertThat(first.field("year")).contains("2024");
        assertThat(read.entries().get(1).line()).isEqualTo(11);
        assertThat(read.entries().get(1).field("title")).contains("Quoted with braces");
    }

    @Test
    void aMalformedEntryIsReportedByLineAndKeyAndTheNextOnesAreStillRead() {
        BibtexReader.Result read = BibtexReader.read("""
                @article{good1, eprint = {2401.00001}}
                @article{broken, title = {never closed,
                  year = 2024
                @article{good2, eprint = {2401.00002}}
                @article{, title = {no key}}
                @article{noequals, title {x}}
                @misc
                @misc{good3, url = "https://arxiv.org/abs/2401.00003"}
                Email me at someone@example.org between entries.
                """);

        assertThat(read.entries()).extracting(BibtexEntry::key).containsExactly("good1", "good2", "good3");
        assertThat(read.problems()).extracting(BibtexReader.Problem::line, BibtexReader.Problem::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "broken"),
                        org.assertj.core.groups.Tuple.tuple(5, null),
                        org.assertj.core.groups.Tuple.tuple(6, "noequals"),
                        org.assertj.core.groups.Tuple.tuple(7, null));
        assertThat(read.problems().get(0).message()).contains("line 2").contains("never closed");
        assertThat(read.problems().get(2).message()).contains("\"=\"").contains("title");
    }

    @Test
    void anUnclosedLastEntryIsAProblemNotAnEntry() {
        BibtexReader.Result read = BibtexReader.read("@article{last, eprint = {2401.00001}");

        assertThat(read.entries()).isEmpty();
        assertThat(read.problems()).singleElement().extracting(BibtexReader.Problem::key).isEqualTo("last");
    }

    @Test
    void arxivPapersAreRecognisedByEprintDoiUrlAndJournal() {
        assertThat(reference("eprint = {2401.09603v2}, archivePrefix = {arXiv}")).contains(id("2401.09603"));
        assertThat(reference("eprint = {2401.09603}, eprinttype = {arxiv}")).contains(id("2401.09603"));
        assertThat(reference("doi = {10.48550/arXiv.2401.09603}")).contains(id("2401.09603"));
        assertThat(reference("url = {https://arxiv.org/pdf/2401.09603v1.pdf}")).contains(id("2401.09603"));
        assertThat(reference("url = {http://arxiv.org/abs/hep-th/9901001}")).contains(id("hep-th/9901001"));
        assertThat(reference("journal = {arXiv preprint arXiv:2401.09603}")).contains(id("2401.09603"));
        assertThat(reference("journal = {ArXiv}, note = {arXiv: 2401.09603.}")).contains(id("2401.09603"));
    }

    @Test
    void entriesThatNameNoArxivPaperAreNotRecognised() {
        assertThat(reference("eprint = {2401.09603}, archivePrefix = {SSRN}")).isEmpty();
        assertThat(reference("eprint = {not-an-id}, archivePrefix = {arXiv}")).isEmpty();
        assertThat(reference("doi = {10.1145/3292500.3330701}, journal = {KDD}")).isEmpty();
        assertThat(reference("url = {https://example.org/arxiv.org/abs/}")).isEmpty();
        assertThat(reference("title = {About arXiv}")).isEmpty();
    }

    private static Optional<ArxivId> reference(String fields) {
        return ArxivReference.of(BibtexReader.read("@misc{k, " + fields + "}").entries().getFirst());
    }

    private static ArxivId id(String value) {
        return new ArxivId(value);
    }
}
