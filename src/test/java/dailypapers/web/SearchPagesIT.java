package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import dailypapers.TestApp;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search page, the search API, similar papers and the search feed over real HTTP, on the 1,000-paper sample
 * plus papers with hostile text, without an embedding model.
 */
class SearchPagesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSTILE_ID = "2608.91001";
    private static final String MATH_ID = "2608.91002";

    @TempDir
    static java.nio.file.Path dir;

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withSample();
        PageFixtures fixtures = new PageFixtures();
        fixtures.paper().put("id", HOSTILE_ID)
                .put("title", "<script>alert('title')</script> Quokka widgets & \"friends\"")
                .put("abstract", "We study <b>quokka</b> widgets <img src=x onerror=alert(1)> in the wild.");
        fixtures.paper().put("id", MATH_ID).put("title", "Wombat nets on $\\mathcal{W}_k$ graphs")
                .put("abstract", "Wombat nets reach 97.3\\% on $k$-graphs.");
        app.importFile(fixtures.write(dir));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void everyPageHasTheSearchBox() {
        for (String path : List.of("/", "/trending", "/new", "/about", "/papers/2401.03462", "/search?q=video")) {
            assertThat(app.get(path).body()).as(path)
                    .contains("<form class=\"site-search\" method=\"get\" action=\"/search\" role=\"search\"")
                    .contains("name=\"q\"");
        }
        assertThat(app.get("/search?q=video+diffusion").body())
                .contains("id=\"site-search-q\" name=\"q\" type=\"search\" value=\"video diffusion\"");
    }

    @Test
    void resultsPageListsMatchesWithMarkedWords() {
        HttpResponse<String> response = app.get("/search?q=" + q("neural radiance"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Results for “neural radiance”").contains("<mark>")
                .contains("matched by their words (BM25)");
        assertThat(PageFixtures.cardIds(response.body())).hasSize(SearchPages.PAGE_SIZE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2401.03462", "arXiv:2401.03462v2", " https://arxiv.org/abs/2401.03462 ",
            "https://arxiv.org/pdf/2401.03462v2"})
    void theArxivIdOfAPaperHereTypedIntoTheSearchBoxOpensItsPage(String typed) {
        HttpResponse<String> response = app.get("/search?q=" + q(typed) + "&mode=keyword");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/papers/2401.03462");
    }

    @Test
    void theArxivIdOfAPaperNotHereIsSearchedForAsText() {
        assertThat(app.get("/search?q=2101.99999").statusCode()).isEqualTo(200);
    }

    @Test
    void theJsonSearchStillListsThePaperAnIdNamesFirst() throws IOException {
        HttpResponse<String> response = app.get("/api/papers/search?q=" + q("https://arxiv.org/abs/2401.03462v2"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get(0).get("paper").get("id").asText()).isEqualTo("2401.03462");
    }

    @Test
    void aTitleWithMathIsTypesetRatherThanMarked() {
        String card = PageFixtures.card(app.get("/search?q=" + q("wombat")).body(), MATH_ID);

        assertThat(card).contains(">Wombat nets on <math><msub><mi>𝒲</mi><mi>k</mi></msub></math> graphs</a>")
                .contains("<mark>Wombat</mark>");
    }

    @Test
    void untrustedTextIsEscapedAndOnlyOurMarksAreMarkup() {
        String body = app.get("/search?q=" + q("quokka widgets")).body();
        String card = PageFixtures.card(body, HOSTILE_ID);
        assertThat(card).doesNotContain("<script>").doesNotContain("<b>").doesNotContain("<img")
                .contains("&lt;script&gt;").contains("&lt;b&gt;").contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("<mark>Quokka</mark>").contains("<mark>quokka</mark>").contains("<mark>widgets</mark>");
        assertThat(card.replaceAll("</?mark>", "")).doesNotContain("<mark").doesNotContainPattern("<(?!/?("
                + "article|p|span|svg|use|div|h2|a|ul|li|time|details|summary)\\b)");
    }

    @Test
    void withoutAModelTheDefaultHybridSearchSaysItShowsKeywordResults() {
        String body = app.get("/search?q=video").body();
        assertThat(body).contains("no embedding model is configured").contains("Showing keyword results");
        assertThat(PageFixtures.cardIds(body)).isNotEmpty();
        assertThat(app.get("/search?q=video&mode=semantic").body()).contains("Showing keyword results");
    }

    @Test
    void pagesLinkOnAndDoNotRepeat() {
        String first = app.get("/search?q=model").body();
        String second = app.get("/search?q=model&p=1").body();
        assertThat(first).contains("Papers 1–20 of").contains("href=\"/search?q=model&amp;p=1\"");
        assertThat(second).contains("Papers 21–40 of");
        List<String> both = new ArrayList<>(PageFixtures.cardIds(first));
        both.addAll(PageFixtures.cardIds(second));
        assertThat(both).hasSize(40).doesNotHaveDuplicates();
        assertThat(app.get("/search?q=model&p=900").body()).contains("Nothing on this page");
    }

    @Test
    void sortOrdersApply() {
        String body = app.get("/search?q=model&sort=date").body();
        assertThat(body).contains("newest first").contains("<option value=\"date\" selected>");
    }

    @Test
    void emptyQueryShowsTheFormHelpAndIndexState() {
        String body = app.get("/search").body();
        assertThat(body).contains("How to search").contains("1,002 papers indexed")
                .contains("no embedding model is configured");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unbalanced", "AND OR ((", "title:(a OR b)^2 ~ * ? \\", "author:", "<script>",
            "日本語", "a%22b"})
    void oddQueriesAreAnsweredNot500(String query) {
        HttpResponse<String> response = app.get("/search?q=" + q(query));
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        assertThat(response.body()).doesNotContain("<script>alert");
    }

    @Test
    void aTenThousandCharacterQueryIsAClear400() {
        HttpResponse<String> page = app.get("/search?q=" + "a".repeat(10_000));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("invalid parameter 'q': a query has at most 250 characters, got 10,000");
    }

    @Test
    void badModeSortOrPageAre400() {
        assertThat(app.get("/search?q=x&mode=fuzzy").statusCode()).isEqualTo(400);
        assertThat(app.get("/search?q=x&sort=random").statusCode()).isEqualTo(400);
        assertThat(app.get("/search?q=x&p=-1").statusCode()).isEqualTo(400);
    }

    // ---- API

    @Test
    void apiReturnsHuggingFacesItemShape() throws IOException {
        HttpResponse<String> response = app.get("/api/papers/search?q=" + q("video generation") + "&limit=5");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Search-Mode")).hasValue("keyword");
        JsonNode items = json(response);
        assertThat(items.isArray()).isTrue();
        assertThat(items).hasSize(5);
        for (JsonNode item : items) {
            assertThat(item.get("paper").get("id").asText()).matches("\\d{4}\\.\\d{5}");
            assertThat(item.get("paper").get("authors").get(0).get("name").asText()).isNotBlank();
            assertThat(item.get("title").asText()).isEqualTo(item.get("paper").get("title").asText());
            assertThat(item.get("summary").asText()).isNotBlank();
            assertThat(item.get("publishedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(item.has("numComments")).isTrue();
        }
        assertThat(response.headers().firstValue("Link")).hasValueSatisfying(
                link -> assertThat(link).contains("p=1").contains("rel=\"next\""));
    }

    @Test
    void apiLimitsAreCheckedAndNamed() throws IOException {
        assertThat(json(app.get("/api/papers/search?q=model&limit=120"))).hasSizeLessThanOrEqualTo(120);
        assertBadParameter(app.get("/api/papers/search?q=model&limit=121"), "limit");
        assertBadParameter(app.get("/api/papers/search?q=model&limit=0"), "limit");
        assertBadParameter(app.get("/api/papers/search"), "q");
        assertBadParameter(app.get("/api/papers/search?q=" + "x".repeat(251)), "q");
        assertBadParameter(app.get("/api/papers/search?q=" + "x".repeat(10_000)), "q");
        assertBadParameter(app.get("/api/papers/search?q=x&mode=nope"), "mode");
        assertThat(json(app.get("/api/papers/search?q=" + "x".repeat(250))).isArray()).isTrue();
    }

    private static void assertBadParameter(HttpResponse<String> response, String parameter) throws IOException {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response);
        assertThat(error.get("code").asText()).isEqualTo("bad_parameter");
        assertThat(error.get("parameter").asText()).isEqualTo(parameter);
        assertThat(error.get("error").asText()).startsWith("invalid parameter '" + parameter + "'");
    }

    @Test
    void apiAnswersHostileQueries() throws IOException {
        for (String query : List.of("\"unbalanced", "AND OR ((", "::", "*:*", "author:\"x")) {
            HttpResponse<String> response = app.get("/api/papers/search?q=" + q(query));
            assertThat(response.statusCode()).as(query).isEqualTo(200);
            assertThat(json(response).isArray()).isTrue();
        }
    }

    @Test
    void apiFindsAnIdInAnyForm() throws IOException {
        JsonNode items = json(app.get("/api/papers/search?q=" + q("arXiv:2401.03462v1")));
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("paper").get("id").asText()).isEqualTo("2401.03462");
    }

    // ---- similar papers

    @Test
    void similarPapersExcludeThePaperItself() throws IOException {
        HttpResponse<String> response = app.get("/api/papers/2401.01647/similar");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Similar-By")).hasValue("words");
        JsonNode items = json(response);
        assertThat(items).hasSize(SearchApi.DEFAULT_SIMILAR);
        items.forEach(item -> assertThat(item.get("paper").get("id").asText()).isNotEqualTo("2401.01647"));
        assertThat(json(app.get("/api/papers/arXiv:2401.01647v2/similar?limit=3"))).hasSize(3);
    }

    @Test
    void similarPapersOfAnUnknownOrMalformedIdAre404() {
        assertThat(app.get("/api/papers/2501.99999/similar").statusCode()).isEqualTo(404);
        assertThat(app.get("/api/papers/nonsense/similar").statusCode()).isEqualTo(404);
        assertThat(app.get("/api/papers/2401.01647/similar?limit=51").statusCode()).isEqualTo(400);
    }

    @Test
    void paperPageListsSimilarPapersButNotItself() {
        String body = app.get("/papers/2401.01647").body();
        assertThat(body).contains("<h2 id=\"similar-title\">Similar papers</h2>");
        String section = body.substring(body.indexOf("class=\"similar\""), body.indexOf("</section>",
                body.indexOf("class=\"similar\"")));
        assertThat(section).contains("<li><a href=\"/papers/").doesNotContain("href=\"/papers/2401.01647\"");
    }

    @Test
    void theOtherPaperRoutesStillWork() {
        assertThat(app.get("/api/papers/2401.01647").statusCode()).isEqualTo(200);
    }

    // ---- Atom

    @Test
    void searchFeedListsTheNewestMatchesFirst() throws Exception {
        HttpResponse<String> response = app.get("/feeds/search?q=" + q("video"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/atom+xml"));
        WireFeedInput input = new WireFeedInput();
        input.setXmlHealerOn(false);
        Feed feed = (Feed) input.build(new StringReader(response.body()));
        assertThat(feed.getTitle()).isEqualTo("Daily Papers — search: video");
        assertThat(feed.getEntries()).isNotEmpty().hasSizeLessThanOrEqualTo(AtomFeeds.FEED_SIZE);
        List<Date> published = feed.getEntries().stream().map(Entry::getPublished).toList();
        assertThat(published).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(app.get("/search?q=video").body()).contains("href=\"/feeds/search?q=video\"");
    }

    @Test
    void searchFeedEscapesAndRefusesBadInput() {
        String body = app.get("/feeds/search?q=quokka").body();
        assertThat(body).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(app.get("/feeds/search").statusCode()).isEqualTo(400);
        assertThat(app.get("/feeds/search?q=" + "a".repeat(10_000)).statusCode()).isEqualTo(400);
    }
}
