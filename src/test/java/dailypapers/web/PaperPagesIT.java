package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dailypapers.TestApp;
import dailypapers.TestData;
import dailypapers.paper.ArxivId;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paper, author and category pages over real HTTP. */
class PaperPagesIT {

    private static final String OLD_STYLE_ID = "hep-th/9901001";
    private static final int MANY_AUTHORS = PaperView.SHOWN_AUTHORS + 12;
    private static final String HOSTILE_AUTHOR = "Eve \"><svg onload=alert(3)>";
    private static final String MATH_AUTHOR = "Tex Writer";
    private static final String MATH_TITLE = "$\\mathcal{C}_h$-Nets reach 97.3\\% -- for $\\alpha$ at $5 and $10";
    private static final String MATH_ABSTRACT =
            "We bound $x^2$ and \\(\\frac{a}{b}\\); $<img src=x onerror=alert(4)>$.";

    @TempDir
    static Path directory;

    private static TestApp sample;
    private static TestApp written;
    private static List<JsonNode> records;
    private static String hostileId;
    private static String crowdedId;
    private static String mathId;

    @BeforeAll
    static void start() {
        records = TestData.sampleRecords();
        sample = TestApp.withSample();

        PageFixtures fixtures = new PageFixtures();
        ObjectNode hostile = fixtures.paper()
                .put("title", "<script>alert(1)</script>")
                .put("abstract", "We show <img src=x onerror=alert(2)> works.")
                .put("arxiv_comment", "<b>10 pages</b>");
        hostile.putArray("authors").add(HOSTILE_AUTHOR);
        hostileId = hostile.get("id").asText();
        fixtures.paper().put("id", OLD_STYLE_ID).put("published", "1999-01-04").put("title", "An old-style paper")
                .put("doi", "10.1088/1126-6708/1999/01/001").put("journal_ref", "JHEP 9901 (1999) 001");
        ObjectNode crowded = fixtures.paper().put("title", "A collaboration paper");
        var authors = crowded.putArray("authors");
        IntStream.rangeClosed(1, MANY_AUTHORS).forEach(i -> authors.add("Member " + i));
        crowdedId = crowded.get("id").asText();
        ObjectNode math = fixtures.paper().put("title", MATH_TITLE).put("abstract", MATH_ABSTRACT);
        math.putArray("authors").add(MATH_AUTHOR);
        mathId = math.get("id").asText();
        written = TestApp.start();
        written.importFile(fixtures.write(directory));
    }

    @AfterAll
    static void stop() {
        if (sample != null) {
            sample.close();
        }
        if (written != null) {
            written.close();
        }
    }

    @Test
    void paperPageShowsEverythingKnownAboutThePaper() {
        JsonNode record = records.stream().filter(r -> r.hasNonNull("github") && r.hasNonNull("project_page")
                        && r.hasNonNull("arxiv_comment") && r.hasNonNull("hf_daily_date")
                        && !r.get("categories").isEmpty())
                .findFirst().orElseThrow();
        ArxivId id = ArxivId.parse(record.get("id").asText());
        LocalDate featured = LocalDate.parse(record.get("hf_daily_date").asText());

        String html = ok(sample.get(Links.paper(id)));

        assertThat(html).contains("<h1 id=\"paper-title\">" + escaped(record.get("title").asText()) + "</h1>")
                .contains("<p>" + escaped(record.get("abstract").asText()) + "</p>")
                .contains("href=\"" + id.absUrl() + "\"")
                .contains("href=\"" + id.pdfUrl() + "\"")
                .contains("href=\"" + record.get("github").asText() + "\"")
                .contains("href=\"" + record.get("project_page").asText() + "\"")
                .contains(escaped(record.get("arxiv_comment").asText()))
                .contains("<a href=\"" + Links.day(featured) + "\">" + DateText.full(featured) + "</a>")
                .contains(PaperCard.count(record.get("upvotes").asInt(), "upvote"));
        for (JsonNode author : record.get("authors")) {
            assertThat(html).contains("<a href=\"" + Links.author(author.asText()) + "\">"
                    + escaped(author.asText()) + "</a>");
        }
        for (JsonNode category : record.get("categories")) {
            assertThat(html).contains("<a class=\"chip\" href=\"" + Links.category(category.asText()) + "\">");
        }
    }

    @Test
    void paperWithManyAuthorsShowsTheRestOnRequest() {
        String html = ok(written.get("/papers/" + crowdedId));

        assertThat(html).contains("<summary>Show all " + MANY_AUTHORS + " authors</summary>")
                .contains("href=\"/authors/Member%20" + MANY_AUTHORS + "\"");
    }

    @Test
    void versionedAndPrefixedIdsRedirectToTheCanonicalPage() {
        for (String form : List.of("2608.90001v2", "arXiv:2608.90001")) {
            HttpResponse<String> response = written.get("/papers/" + form);

            assertThat(response.statusCode()).as(form).isEqualTo(301);
            assertThat(response.headers().firstValue("Location")).as(form).hasValue("/papers/2608.90001");
        }
    }

    @Test
    void oldStyleIdWithASlashHasAPageWithDoiAndJournalReference() {
        assertThat(ok(written.get("/papers/" + OLD_STYLE_ID))).contains("An old-style paper")
                .contains("href=\"https://arxiv.org/abs/" + OLD_STYLE_ID + "\"")
                .contains("Jan 4, 1999")
                .contains("<a href=\"https://doi.org/10.1088/1126-6708/1999/01/001\">10.1088/1126-6708/1999/01/001</a>")
                .contains("<dd>JHEP 9901 (1999) 001</dd>");
    }

    @Test
    void unknownPaperIsA404() {
        HttpResponse<String> response = sample.get("/papers/2101.00001");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<h1 id=\"error-title\">Not found</h1>").contains("2101.00001")
                .contains("<a class=\"button\" href=\"/\">Back to Daily Papers</a>");
    }

    @Test
    void anIdThatIsNotAnArxivIdNamesNoPaperSoItIsA404() {
        for (String id : List.of("not-an-id", "2401.1", "1313.00001")) {
            HttpResponse<String> response = sample.get("/papers/" + id);

            assertThat(response.statusCode()).as(id).isEqualTo(404);
            assertThat(response.body()).as(id).contains("<h1 id=\"error-title\">Not found</h1>")
                    .contains("not an arXiv id");
        }
    }

    @Test
    void upstreamMarkupOnThePaperPageIsEscaped() {
        String html = ok(written.get("/papers/" + hostileId));

        assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x")
                .doesNotContain("<svg onload").doesNotContain("<b>10 pages</b>")
                .contains("<h1 id=\"paper-title\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>")
                .contains(">Eve \"&gt;&lt;svg onload=alert(3)&gt;</a>")
                .contains("&lt;b&gt;10 pages&lt;/b&gt;");
        assertThat(html.substring(0, html.indexOf("</head>"))).contains("<title>&lt;script&gt;");
    }

    @Test
    void mathInTitleAndAbstractIsMathMlOnThePageAndCleanTextInTitleAndFeed() throws Exception {
        String html = ok(written.get("/papers/" + mathId));

        assertThat(html).contains("<h1 id=\"paper-title\"><math><msub><mi>𝒞</mi><mi>h</mi></msub></math>-Nets reach"
                        + " 97.3% – for <math><mi>α</mi></math> at $5 and $10</h1>")
                .contains("<math><msup><mi>x</mi><mn>2</mn></msup></math>")
                .contains("<math><mfrac><mi>a</mi><mi>b</mi></mfrac></math>")
                .doesNotContain("<img src=x").contains("<mo>&lt;</mo><mi>i</mi><mi>m</mi><mi>g</mi>")
                // The CSP allows no inline style, and native MathML needs none (MathJax's output would).
                .doesNotContain("style=").doesNotContain("<style");
        assertThat(html.substring(0, html.indexOf("</head>")))
                .contains("<title>\\mathcal{C}_h-Nets reach 97.3% – for α at $5 and $10 — Daily Papers</title>");

        String feed = ok(written.get(Links.authorFeed(MATH_AUTHOR)));
        assertThat(feed).contains("<title>\\mathcal{C}_h-Nets reach 97.3% – for α at $5 and $10</title>")
                .contains("We bound x^2 and \\frac{a}{b}; &lt;img src=x onerror=alert(4)&gt;.");

        JsonNode api = new ObjectMapper()
                .readTree(ok(written.get("/api/papers/" + mathId)));
        assertThat(api.get("title").asText()).isEqualTo(MATH_TITLE);
        assertThat(api.get("summary").asText()).isEqualTo(MATH_ABSTRACT);
    }

    @Test
    void hostileAuthorNameIsEscapedInTitleFeedLinkAndHeading() {
        String html = ok(written.get(Links.author(HOSTILE_AUTHOR)));

        assertThat(html).doesNotContain("<svg onload").doesNotContain("\"><svg onload")
                .contains("<h1>Eve \"&gt;&lt;svg onload=alert(3)&gt;</h1>")
                // In a quoted attribute only the quote and "<" need escaping, and jte escapes just those.
                .contains("title=\"Papers by Eve &#34;>&lt;svg onload=alert(3)>\"");
    }

    @Test
    void authorPageListsTheirPapersNewestFirstWithAFeed() {
        String author = "Dahua Lin";
        List<String> expected = records.stream()
                .filter(r -> StreamSupport.stream(r.get("authors").spliterator(), false)
                        .anyMatch(a -> a.asText().equals(author)))
                .sorted(Comparator.comparing((JsonNode r) -> r.get("published").asText())
                        .thenComparing(r -> r.get("id").asText()).reversed())
                .map(r -> r.get("id").asText()).toList();

        String html = ok(sample.get(Links.author(author)));

        assertThat(html).contains("<h1>" + author + "</h1>")
                .contains(PaperCard.count(expected.size(), "paper") + ", newest first.")
                .contains("<a href=\"/feeds/authors/Dahua%20Lin\">Atom feed</a>");
        assertThat(PageFixtures.cardIds(html)).isEqualTo(expected);
    }

    @Test
    void categoryPagesPageThroughThePapersNewestFirst() {
        List<String> expected = records.stream().filter(r -> r.get("categories").toString().contains("\"cs.CV\""))
                .sorted(Comparator.comparing((JsonNode r) -> r.get("published").asText())
                        .thenComparing(r -> r.get("id").asText()).reversed())
                .map(r -> r.get("id").asText()).toList();

        String first = ok(sample.get("/categories/cs.CV"));
        String second = ok(sample.get("/categories/cs.CV?p=1"));

        assertThat(expected).hasSizeGreaterThan(2 * Pager.PAGE_SIZE);
        assertThat(first).contains("<title>Computer Vision and Pattern Recognition (cs.CV) — Daily Papers</title>")
                .contains("<p class=\"eyebrow\">arXiv category cs.CV</p>")
                .contains("<h1>Computer Vision and Pattern Recognition</h1>")
                .contains("<a href=\"/feeds/categories/cs.CV\">Atom feed</a>")
                .contains("href=\"/categories/cs.CV?p=1\">Next page →</a>");
        assertThat(PageFixtures.cardIds(first)).isEqualTo(expected.subList(0, Pager.PAGE_SIZE));
        assertThat(PageFixtures.cardIds(second)).isEqualTo(expected.subList(Pager.PAGE_SIZE, 2 * Pager.PAGE_SIZE));
        assertThat(sample.get("/categories/cs.CV?p=x").statusCode()).isEqualTo(400);
    }

    @Test
    void authorOrCategoryWithoutPapersIsA404() {
        assertThat(sample.get("/authors/Nobody%20Atall").statusCode()).isEqualTo(404);
        assertThat(sample.get("/categories/xx.NONE").statusCode()).isEqualTo(404);
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
        return response.body();
    }

    /** Upstream text as the templates print it between tags: markup characters escaped. */
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
