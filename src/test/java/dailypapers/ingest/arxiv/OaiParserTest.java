package dailypapers.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.TestData;
import dailypapers.ingest.Upstream.MalformedResponse;
import dailypapers.paper.Paper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OaiParserTest {

    static byte[] fixture(String name) {
        return TestData.recorded("arxiv-oai/" + name);
    }

    static String fixtureText(String name) {
        return new String(fixture(name), StandardCharsets.UTF_8);
    }

    @Test
    void arXivRawRecordsCarryEveryVersion() throws Exception {
        OaiPage page = OaiParser.parse(fixture("arXivRaw-ListRecordsResponse.xml"));

        assertThat(page.responseDate()).isEqualTo(Instant.parse("2015-01-06T20:49:59Z"));
        assertThat(page.token()).contains("726959|1001");
        assertThat(page.completeListSize()).isEqualTo(58011);
        assertThat(page.error()).isEmpty();
        assertThat(page.records().rejections()).isEmpty();
        assertThat(page.records().records()).hasSize(6);
        Paper first = page.records().records().getFirst().paper();
        assertThat(first.id().value()).isEqualTo("0704.0471");
        assertThat(first.title()).isEqualTo("Density dependence of the symmetry energy and the nuclear equation of "
                + "state: A Dynamical and Statistical model perspective");
        assertThat(first.authors()).containsExactly("D.V. Shetty", "S.J. Yennello", "G.A. Souliotis");
        assertThat(first.categories()).containsExactly("nucl-ex", "nucl-th");
        assertThat(first.published()).isEqualTo(LocalDate.of(2007, 4, 3));
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.journalRef()).startsWith("Phys.Rev.C76:024606");
        assertThat(first.abstractText()).startsWith("The density dependence").contains("\" stiff \"");
        Paper revised = page.records().records().get(1).paper();
        assertThat(revised.version()).isEqualTo(4);
        assertThat(revised.published()).isEqualTo(LocalDate.of(2007, 4, 5));
        assertThat(revised.updated()).isEqualTo(LocalDate.of(2008, 11, 14));
    }

    @Test
    void arXivRecordsCarryStructuredAuthorsAndDates() throws Exception {
        OaiPage page = OaiParser.parse(fixture("arXiv-ListRecords-physics-hep-th.xml"));

        assertThat(page.token()).isEmpty();
        assertThat(page.records().records()).hasSize(3);
        Paper first = page.records().records().getFirst().paper();
        assertThat(first.id().value()).isEqualTo("1412.8323");
        assertThat(first.authors()).containsExactly("Philipp A Hoehn");
        assertThat(first.published()).isEqualTo(LocalDate.of(2014, 12, 29));
        assertThat(first.updated()).isEqualTo(LocalDate.of(2017, 12, 13));
        assertThat(first.version()).isZero();
        assertThat(first.categories()).startsWith("quant-ph", "gr-qc", "hep-th");
        assertThat(OaiParser.parse(fixture("arXiv-ListRecords-physics-hep-ex.xml")).records().records()).hasSize(3);
    }

    @Test
    void getRecordResponsesParseToo() throws Exception {
        assertThat(OaiParser.parse(fixture("arXiv-GetRecord-1401.2122.xml")).records().records())
                .extracting(r -> r.paper().authors()).containsExactly(java.util.List.of("A. Sergyeyev"));
        assertThat(OaiParser.parse(fixture("arXivRaw-GetRecordResponse.xml")).records().records().getFirst().paper()
                .authors()).containsExactly("Joshua Berger", "Maxim Perelstein", "Michael Saelim", "Philip Tanedo");
    }

    @Test
    void errorsAreReadWithTheirCode() throws Exception {
        assertThat(OaiParser.parse(fixture("arXivRaw-ErrorResponseNoRecordsMatch.xml")).error())
                .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("noRecordsMatch"));
        assertThat(OaiParser.parse(fixture("arXivRaw-ErrorResponseBadResumptionToken.xml")).error())
                .hasValueSatisfying(e -> {
                    assertThat(e.code()).isEqualTo("badResumptionToken");
                    assertThat(e.message()).isEqualTo("The resumptionToken supplied is illegal for this repository");
                });
        for (String name : new String[] {"BadArgument", "BadVerb", "IdDoesNotExist"}) {
            assertThat(OaiParser.parse(fixture("arXivRaw-ErrorResponse" + name + ".xml")).error()).isPresent();
        }
    }

    @Test
    void aDeletedRecordIsReportedAndABrokenRecordRejectedWhileTheRestIsKept() throws Exception {
        String page = fixtureText("arXiv-ListRecords-physics-hep-th.xml")
                .replaceFirst("<header>", "<header status=\"deleted\">")
                .replaceFirst("<title>Relativistic quantum dynamics[^<]*</title>", "");
        OaiPage parsed = OaiParser.parse(page.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.records().deleted()).containsExactly("oai:arXiv.org:1412.8323");
        assertThat(parsed.records().rejections()).containsExactly("oai:arXiv.org:1507.07790: field 'title': missing");
        assertThat(parsed.records().records()).extracting(r -> r.paper().id().value()).containsExactly("1607.01710");
    }

    @Test
    void truncatedOrForeignXmlIsAMalformedResponse() throws Exception {
        byte[] whole = fixture("arXivRaw-ListRecordsResponse.xml");
        assertThatThrownBy(() -> OaiParser.parse(Arrays.copyOf(whole, whole.length / 2)))
                .isInstanceOf(MalformedResponse.class).hasMessageContaining("invalid XML");
        assertThatThrownBy(() -> OaiParser.parse("<html><body>Gateway</body></html>".getBytes()))
                .isInstanceOf(MalformedResponse.class).hasMessageContaining("not an OAI-PMH response");
        assertThatThrownBy(() -> OaiParser.parse(new byte[0])).isInstanceOf(MalformedResponse.class);
    }

    @Test
    void anExternalEntityIsNeverFetched() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>&x;</responseDate></OAI-PMH>";
        assertThatThrownBy(() -> OaiParser.parse(xxe.getBytes())).isInstanceOf(MalformedResponse.class);
    }
}
