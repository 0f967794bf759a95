package dailypapers.ingest.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.TestData;
import dailypapers.ingest.ParsedPage;
import dailypapers.ingest.Upstream.MalformedResponse;
import dailypapers.paper.PaperRecord;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DailyPapersParserTest {

    static byte[] fixture(String day) {
        return TestData.recorded("hf-daily-papers/daily_papers-" + day + ".json");
    }

    @Test
    void theSchemaOf2024Parses() throws Exception {
        LocalDate day = LocalDate.of(2024, 5, 27);
        ParsedPage page = DailyPapersParser.parse(fixture("2024-05-27"), day);
        assertThat(page.rejections()).isEmpty();
        assertThat(page.records()).hasSize(13);
        PaperRecord first = page.records().getFirst();
        assertThat(first.paper().id().value()).isEqualTo("2405.15738");
        assertThat(first.paper().title())
                .isEqualTo("ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models");
        assertThat(first.paper().authors()).startsWith("Chunjiang Ge", "Sijie Cheng");
        assertThat(first.paper().published()).isEqualTo(LocalDate.of(2024, 5, 24));
        assertThat(first.paper().aiKeywords()).isEmpty();
        assertThat(first.upvotes()).isEqualTo(32);
        assertThat(first.numComments()).isEqualTo(3);
        assertThat(first.featuredOn()).isEqualTo(day);
        assertThat(first.submittedBy()).isEqualTo(DailyPapersParser.SUBMITTER);
    }

    @Test
    void theSchemaOf2025ParsesWithKeywordsAndRepositories() throws Exception {
        ParsedPage page = DailyPapersParser.parse(fixture("2025-06-10"), LocalDate.of(2025, 6, 10));
        assertThat(page.rejections()).isEmpty();
        assertThat(page.records()).hasSize(28);
        PaperRecord first = page.records().getFirst();
        assertThat(first.paper().title()).isEqualTo("Reinforcement Pre-Training");
        assertThat(first.upvotes()).isEqualTo(97);
        assertThat(first.paper().aiKeywords()).contains("Reinforcement Pre-Training (RPT)");
        assertThat(page.records()).extracting(r -> r.paper().githubRepo())
                .contains("https://github.com/openbmb/minicpm", "https://github.com/manycore-research/SpatialLM");
    }

    @Test
    void theSchemaOf2026ParsesWithProjectPages() throws Exception {
        ParsedPage page = DailyPapersParser.parse(fixture("2026-08-21"), LocalDate.of(2026, 8, 21));
        assertThat(page.rejections()).isEmpty();
        assertThat(page.records()).hasSize(17);
        PaperRecord first = page.records().getFirst();
        assertThat(first.paper().id().value()).isEqualTo("2608.19880");
        assertThat(first.paper().githubRepo()).isEqualTo("https://github.com/google-research/envharness");
        assertThat(first.paper().projectPage()).isEqualTo("https://envharness.com/");
        assertThat(first.upvotes()).isEqualTo(163);
        assertThat(first.numComments()).isEqualTo(1);
        assertThat(first.paper().published()).isEqualTo(LocalDate.of(2026, 8, 20));
    }

    @Test
    void aBadItemIsRejectedByFieldAndTheRestOfThePageKept() throws Exception {
        String body = """
                [{"paper": {"id": "2608.00001", "title": "Good", "publishedAt": "2026-08-20T00:00:00.000Z",
                            "authors": [{"name": "Ada"}], "upvotes": 3}, "numComments": 0},
                 {"paper": {"id": "not-an-id", "title": "Bad id", "publishedAt": "2026-08-20T00:00:00.000Z"}},
                 {"paper": {"id": "2608.00002", "title": "Bad date", "publishedAt": "yesterday"}},
                 {"paper": {"id": "2608.00003", "title": "Bad votes", "publishedAt": "2026-08-20T00:00:00.000Z",
                            "upvotes": -4}},
                 "not an object"]
                """;
        ParsedPage page = DailyPapersParser.parse(body.getBytes(StandardCharsets.UTF_8), LocalDate.of(2026, 8, 21));
        assertThat(page.records()).extracting(r -> r.paper().id().value()).containsExactly("2608.00001");
        assertThat(page.rejections()).containsExactly(
                "item 1 (not-an-id): field 'paper.id': not a valid arXiv id: 'not-an-id'",
                "item 2 (2608.00002): field 'paper.publishedAt': invalid timestamp 'yesterday', expected like "
                        + "2025-06-09T17:59:53Z",
                "item 3 (2608.00003): field 'paper.upvotes': expected a whole number from 0 to 10000000, got -4",
                "item 4: not a JSON object");
    }

    @Test
    void truncatedOrInvalidJsonIsAMalformedResponse() throws Exception {
        byte[] whole = fixture("2026-08-21");
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> DailyPapersParser.parse(truncated, LocalDate.of(2026, 8, 21)))
                .isInstanceOf(MalformedResponse.class).hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> DailyPapersParser.parse("<html>".getBytes(), LocalDate.of(2026, 8, 21)))
                .isInstanceOf(MalformedResponse.class);
        assertThatThrownBy(() -> DailyPapersParser.parse("{\"error\": \"x\"}".getBytes(), LocalDate.of(2026, 8, 21)))
                .isInstanceOf(MalformedResponse.class).hasMessageContaining("expected a JSON array");
    }

    @Test
    void anArchivedWrapperAndAnEmptyDayParse() throws Exception {
        assertThat(DailyPapersParser.parse("[]".getBytes(), LocalDate.of(2026, 8, 22)).records()).isEmpty();
        String wrapped = "{\"status\": \"ok\", \"date\": \"2026-08-21\", \"count\": 1, \"data\": [{\"paper\": "
                + "{\"id\": \"2608.00001\", \"title\": \"T\", \"publishedAt\": \"2026-08-20T00:00:00.000Z\"}}]}";
        assertThat(DailyPapersParser.parse(wrapped.getBytes(), LocalDate.of(2026, 8, 21)).records()).hasSize(1);
    }
}
