package dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.paper.PaperRecord;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordParserTest {

    private final RecordParser parser = new RecordParser("test");

    private static String own(String overrides) {
        String base = """
                "id": "2402.17764", "title": "The Era of 1-bit LLMs", "authors": ["Shuming Ma", "Hongyu Wang"],
                "abstract": "Recent  research\\n on 1-bit LLMs.", "published": "2024-02-27", "upvotes": 553,
                "categories": ["cs.CL", "cs.LG"], "github": null, "github_source": null, "project_page": null,
                "hf_daily_date": "2024-02-28", "num_comments": 3, "ai_keywords": null, "arxiv_comment": null,
                "source": "owner/repo", "sources": ["owner/repo"]""";
        return "{" + base + (overrides.isEmpty() ? "" : ", " + overrides) + "}";
    }

    @Test
    void readsOurSchema() throws RejectedRecord {
        PaperRecord record = parser.parse(own(""));
        assertThat(record.paper().id().value()).isEqualTo("2402.17764");
        assertThat(record.paper().title()).isEqualTo("The Era of 1-bit LLMs");
        assertThat(record.paper().abstractText()).isEqualTo("Recent research on 1-bit LLMs.");
        assertThat(record.paper().authors()).containsExactly("Shuming Ma", "Hongyu Wang");
        assertThat(record.paper().published()).isEqualTo(LocalDate.of(2024, 2, 27));
        assertThat(record.paper().categories()).containsExactly("cs.CL", "cs.LG");
        assertThat(record.upvotes()).isEqualTo(553);
        assertThat(record.numComments()).isEqualTo(3);
        assertThat(record.featuredOn()).isEqualTo(LocalDate.of(2024, 2, 28));
        assertThat(record.paper().sources()).containsExactly("owner/repo");
    }

    @Test
    void normalisesIdsAndKeepsTheVersion() throws RejectedRecord {
        PaperRecord record = parser.parse(own("\"id\": \"arXiv:2402.17764v3\""));
        assertThat(record.paper().id().value()).isEqualTo("2402.17764");
        assertThat(record.paper().version()).isEqualTo(3);
    }

    @Test
    void readsTheKaggleSnapshotFormat() throws RejectedRecord {
        PaperRecord record = parser.parse("""
                {"id":"0704.0002","authors":"Ileana Streinu and Louis Theran","title":"Sparsity-certifying Graph\\n  Decompositions",
                 "comments":"To appear","journal-ref":null,"doi":"10.1/x","categories":"math.CO cs.CG",
                 "abstract":"  We describe\\na new algorithm.\\n",
                 "versions":[{"version":"v1","created":"Sat, 31 Mar 2007 02:26:18 GMT"},{"version":"v2","created":"Sat, 13 Dec 2008 17:26:00 GMT"}],
                 "update_date":"2008-12-13","authors_parsed":[["Streinu","Ileana",""],["Theran","Louis",""]]}""");
        assertThat(record.paper().title()).isEqualTo("Sparsity-certifying Graph Decompositions");
        assertThat(record.paper().abstractText()).isEqualTo("We describe a new algorithm.");
        assertThat(record.paper().authors()).containsExactly("Ileana Streinu", "Louis Theran");
        assertThat(record.paper().published()).isEqualTo(LocalDate.of(2007, 3, 31));
        assertThat(record.paper().updated()).isEqualTo(LocalDate.of(2008, 12, 13));
        assertThat(record.paper().version()).isEqualTo(2);
        assertThat(record.paper().categories()).containsExactly("math.CO", "cs.CG");
        assertThat(record.paper().doi()).isEqualTo("10.1/x");
        assertThat(record.featuredOn()).isNull();
        assertThat(record.upvotes()).isNull();
    }

    @Test
    void kaggleAuthorsFallBackToThePlainStringReadAsArXivWritesIt() throws RejectedRecord {
        PaperRecord record = parser.parse("""
                {"id":"hep-th/9901001","authors":"A. One (MIT, Cambridge), B. Two, and C. Three",
                 "title":"T","abstract":"A","categories":"hep-th",
                 "versions":[{"version":"v1","created":"Fri, 1 Jan 1999 00:00:00 GMT"}],"update_date":"1999-01-04"}""");
        assertThat(record.paper().id().value()).isEqualTo("hep-th/9901001");
        assertThat(record.paper().authors()).containsExactly("A. One", "B. Two", "C. Three");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad JSON                | {\"id\": \"2402.17764\", | invalid JSON",
            "not an object           | [1, 2]                 | not a JSON object",
            "missing id              | {\"title\": \"T\", \"published\": \"2024-01-01\"} | field 'id': missing",
            "invalid id              | {\"id\": \"24021.7764\", \"title\": \"T\", \"published\": \"2024-01-01\"} | field 'id': not a valid arXiv id: '24021.7764'",
            "missing title           | {\"id\": \"2402.17764\", \"title\": \"  \", \"published\": \"2024-01-01\"} | field 'title': missing",
            "missing date            | {\"id\": \"2402.17764\", \"title\": \"T\"} | field 'published': missing",
            "invalid date            | {\"id\": \"2402.17764\", \"title\": \"T\", \"published\": \"2024-02-30\"} | field 'published': invalid date '2024-02-30', expected YYYY-MM-DD",
            "invalid daily date      | {\"id\": \"2402.17764\", \"title\": \"T\", \"published\": \"2024-02-01\", \"hf_daily_date\": \"soon\"} | field 'hf_daily_date': invalid date 'soon'",
            "authors not a list      | {\"id\": \"2402.17764\", \"title\": \"T\", \"published\": \"2024-02-01\", \"authors\": \"A, B\"} | field 'authors': expected an array of strings",
            "negative upvotes        | {\"id\": \"2402.17764\", \"title\": \"T\", \"published\": \"2024-02-01\", \"upvotes\": -4} | field 'upvotes': expected a whole number",
            "title of wrong type     | {\"id\": \"2402.17764\", \"title\": 42, \"published\": \"2024-02-01\"} | field 'title': expected a string, got number",
            "script URL as code link | {\"id\": \"2402.17764\", \"title\": \"T\", \"published\": \"2024-02-01\", \"github\": \"javascript:alert(1)\"} | field 'github': expected an http(s) URL",
            "kaggle bad version date | {\"id\": \"0704.0001\", \"title\": \"T\", \"versions\": [{\"created\": \"yesterday\"}]} | field 'versions': invalid date 'yesterday'"
    })
    void rejectsBadRecordsNamingTheFieldAndReason(String name, String line, String reason) {
        assertThatThrownBy(() -> parser.parse(line)).isInstanceOf(RejectedRecord.class)
                .hasMessageStartingWith(reason);
    }

    @Test
    void keepsNonAsciiText() throws RejectedRecord {
        PaperRecord record = parser.parse(own("\"authors\": [\"Balázs Csanád Csáji\", \"李明\"]"));
        assertThat(record.paper().authors()).isEqualTo(List.of("Balázs Csanád Csáji", "李明"));
    }
}
