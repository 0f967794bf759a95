package dailypapers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.paper.Paper;
import dailypapers.paper.PaperRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordParserTest {

    private final RecordParser parser = new RecordParser("test");
    private final List<String> warnings = new ArrayList<>();

    private PaperRecord parse(String line) throws RejectedRecord {
        return parser.parse(line, warnings);
    }

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
        PaperRecord record = parse(own(""));
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
        PaperRecord record = parse(own("\"id\": \"arXiv:2402.17764v3\""));
        assertThat(record.paper().id().value()).isEqualTo("2402.17764");
        assertThat(record.paper().version()).isEqualTo(3);
    }

    @Test
    void readsTheKaggleSnapshotFormat() throws RejectedRecord {
        PaperRecord record = parse("""
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
        PaperRecord record = parse("""
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
            "kaggle bad version date | {\"id\": \"0704.0001\", \"title\": \"T\", \"versions\": [{\"created\": \"yesterday\"}]} | field 'versions': invalid date 'yesterday'"
    })
    void rejectsBadRecordsNamingTheFieldAndReason(String name, String line, String reason) {
        assertThatThrownBy(() -> parse(line)).isInstanceOf(RejectedRecord.class)
                .hasMessageStartingWith(reason);
    }

    @Test
    void keepsNonAsciiText() throws RejectedRecord {
        PaperRecord record = parse(own("\"authors\": [\"Balázs Csanád Csáji\", \"李明\"]"));
        assertThat(record.paper().authors()).isEqualTo(List.of("Balázs Csanád Csáji", "李明"));
    }

    @Test
    void cleansEveryTextFieldOfOurSchema() throws RejectedRecord {
        String dirty = "\\u0000\\u0007\\u202e\\ufdd0\\ud800\\u0085";
        PaperRecord record = parse(own(("\"title\": \"A%s title\", \"abstract\": \"An%s abstract\\n\\tgoes on\","
                + " \"authors\": [\"Ada%s Lovelace\"], \"categories\": [\"cs.CL%s\"], \"doi\": \"10.1/x%s\","
                + " \"journal_ref\": \"J%s\", \"arxiv_comment\": \"5%s pages\", \"ai_keywords\": [\"LLM%s\"],"
                + " \"sources\": [\"owner/repo%s\"]").replace("%s", dirty)));

        Paper paper = record.paper();
        assertThat(List.of(paper.title(), paper.abstractText(), paper.doi(), paper.journalRef(), paper.comment()))
                .containsExactly("A\uFFFD title", "An\uFFFD abstract goes on", "10.1/x\uFFFD", "J\uFFFD",
                        "5\uFFFD pages");
        assertThat(paper.authors()).containsExactly("Ada\uFFFD Lovelace");
        assertThat(paper.categories()).containsExactly("cs.CL\uFFFD");
        assertThat(paper.aiKeywords()).containsExactly("LLM\uFFFD");
        assertThat(paper.sources()).containsExactly("owner/repo\uFFFD");
        assertThat(warnings).isEmpty();
    }

    @Test
    void cleansEveryTextFieldOfTheKaggleSnapshot() throws RejectedRecord {
        PaperRecord record = parse("""
                {"id":"0704.0002","authors":"I. Streinu\\u0007 and L. Theran","title":"Graph\\u202e Decompositions",
                 "comments":"To\\u0000 appear","journal-ref":"J\\u0085","doi":"10.1/x\\ufffe",
                 "categories":"math.CO\\u0007 cs.CG",
                 "abstract":"We\\u2066 describe","update_date":"2008-12-13",
                 "authors_parsed":[["Streinu\\u0000","Ileana",""],["Theran","Louis\\u202d",""]]}""");

        Paper paper = record.paper();
        assertThat(List.of(paper.title(), paper.abstractText(), paper.comment(), paper.journalRef(), paper.doi()))
                .containsExactly("Graph Decompositions", "We describe", "To appear", "J", "10.1/x");
        assertThat(paper.authors()).containsExactly("Ileana Streinu", "Louis Theran");
        assertThat(paper.categories()).containsExactly("math.CO", "cs.CG");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "script URL      | \"javascript:alert(1)\"",
            "no scheme       | \"github.com/org/repo\"",
            "other scheme    | \"ftp://example.org/x\"",
            "no host         | \"https://\"",
            "one slash       | \"https:/github.com/org/repo\"",
            "space           | \"https://github.com/org/my repo\"",
            "double quote    | \"https://github.com/org/\\\"repo\"",
            "single quote    | \"https://github.com/org/'repo\"",
            "angle brackets  | \"https://github.com/<script>\"",
            "control char    | \"https://git\\u0000hub.com/org/repo\"",
            "bidi override   | \"https://github.com/\\u202egnp.exe\"",
            "user info       | \"https://github.com@evil.example/org/repo\"",
            "not a string    | 42",
    })
    void aBadUrlIsDroppedWithAWarningAndTheRecordKept(String name, String value) throws RejectedRecord {
        PaperRecord record = parse(own("\"github\": " + value + ", \"project_page\": " + value));

        assertThat(record.paper().githubRepo()).isNull();
        assertThat(record.paper().projectPage()).isNull();
        assertThat(record.paper().title()).isEqualTo("The Era of 1-bit LLMs");
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).startsWith("field 'github': not a valid http(s) URL, dropped: ");
        assertThat(warnings.get(1)).startsWith("field 'project_page': not a valid http(s) URL, dropped: ");
        assertThat(String.join("", warnings)).doesNotContain("\u0000", "\u202e");
    }

    @Test
    void aGoodUrlIsKeptStripped() throws RejectedRecord {
        PaperRecord record = parse(own("\"github\": \" https://github.com/microsoft/unilm \","
                + " \"project_page\": \"HTTP://Example.org:8080/p?q=1&r=%20#top\""));

        assertThat(record.paper().githubRepo()).isEqualTo("https://github.com/microsoft/unilm");
        assertThat(record.paper().projectPage()).isEqualTo("HTTP://Example.org:8080/p?q=1&r=%20#top");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aRejectionEchoesNoControlCharacters() {
        assertThatThrownBy(() -> parse("{\"id\": \"0704.0001\", \"title\": \"T\","
                + " \"versions\": [{\"created\": \"\\u001b[2Jyesterday\"}]}"))
                .hasMessage("field 'versions': invalid date '[2Jyesterday', expected like "
                        + "'Mon, 2 Apr 2007 19:18:42 GMT'");
    }
}
