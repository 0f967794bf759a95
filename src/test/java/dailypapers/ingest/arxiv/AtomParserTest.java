package dailypapers.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.TestData;
import dailypapers.ingest.Upstream.MalformedResponse;
import dailypapers.paper.Paper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AtomParserTest {

    static byte[] recorded(int start) {
        return TestData.recorded("arxiv-api/query-deep-dream-start" + start + ".atom.xml");
    }

    static byte[] currentLayout() throws IOException {
        try (InputStream in = AtomParserTest.class.getResourceAsStream("/ingest/arxiv/api-2025-layout.atom.xml")) {
            return in.readAllBytes();
        }
    }

    @Test
    void thePre2025LayoutParses() throws Exception {
        AtomParser.AtomPage page = AtomParser.parse(recorded(0));

        assertThat(page.totalResults()).isEqualTo(24617);
        assertThat(page.startIndex()).isZero();
        assertThat(page.itemsPerPage()).isEqualTo(10);
        assertThat(page.errors()).isEmpty();
        assertThat(page.entries().rejections()).isEmpty();
        assertThat(page.entries().records()).hasSize(10);
        Paper first = page.entries().records().getFirst().paper();
        assertThat(first.id().value()).isEqualTo("1611.09520");
        assertThat(first.version()).isEqualTo(2);
        assertThat(first.title()).isEqualTo("Hierarchical Neural Representation of Dreamed Objects Revealed by Brain "
                + "Decoding with Deep Neural Network Features");
        assertThat(first.authors()).containsExactly("Tomoyasu Horikawa", "Yukiyasu Kamitani");
        assertThat(first.published()).isEqualTo(LocalDate.of(2016, 11, 29));
        assertThat(first.updated()).isEqualTo(LocalDate.of(2017, 1, 23));
        assertThat(first.categories()).containsExactly("q-bio.NC");
        Paper second = page.entries().records().get(1).paper();
        assertThat(second.doi()).isEqualTo("10.3847/0004-637X/820/2/107");
        assertThat(second.comment()).isEqualTo("ApJ accepted");
        assertThat(AtomParser.parse(recorded(10)).startIndex()).as("as recorded upstream").isEqualTo(1);
        assertThat(AtomParser.parse(recorded(20)).entries().records()).hasSize(10);
    }

    @Test
    void theCurrentLayoutParses() throws Exception {
        AtomParser.AtomPage page = AtomParser.parse(currentLayout());

        assertThat(page.totalResults()).isEqualTo(1);
        Paper paper = page.entries().records().getFirst().paper();
        assertThat(paper.id().value()).isEqualTo("1611.09520");
        assertThat(paper.version()).isEqualTo(2);
        assertThat(paper.categories()).containsExactly("q-bio.NC", "cs.CV");
        assertThat(paper.journalRef()).isEqualTo("Front. Comput. Neurosci. 11 (2017)");
        assertThat(paper.comment()).isEqualTo("12 pages");
    }

    @Test
    void anErrorEntryIsAnErrorNotAPaper() throws Exception {
        String feed = """
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <entry>
                    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.1234v</id>
                    <title>Error</title>
                    <summary>incorrect id format for 1234.1234v</summary>
                  </entry>
                </feed>""";
        AtomParser.AtomPage page = AtomParser.parse(feed.getBytes());
        assertThat(page.errors()).containsExactly("incorrect id format for 1234.1234v");
        assertThat(page.entries().records()).isEmpty();
    }

    @Test
    void aTruncatedFeedIsMalformed() throws Exception {
        byte[] whole = recorded(0);
        assertThatThrownBy(() -> AtomParser.parse(Arrays.copyOf(whole, 3000))).isInstanceOf(MalformedResponse.class);
        assertThatThrownBy(() -> AtomParser.parse("<rss/>".getBytes())).isInstanceOf(MalformedResponse.class);
    }
}
