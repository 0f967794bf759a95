package dailypapers.web;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import dailypapers.TestApp;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every Atom feed parses with a real feed library and carries what RFC 4287 requires. */
class AtomFeedsIT {

    private static final LocalDate DAY = LocalDate.of(2026, 8, 21);
    private static final String HOSTILE_TITLE = "<script>alert('x')</script> & \u0007bell \"quotes\"";

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        app.app().feed().papers().upsert(List.of(
                paper().id("2608.00001").title(HOSTILE_TITLE).authors("Zoë Ünïcode", "Li Ming")
                        .categories("cs.CL", "cs.AI").featuredOn(DAY).upvotes(30).build(),
                paper().id("2608.00002").authors("Li Ming").categories("cs.CL").featuredOn(DAY).upvotes(10).build(),
                paper().id("2608.00003").categories("cs.CV").published(DAY).build(),
                paper().id("2607.00004").authors("Ada Single").categories("cs.LG").published(DAY.minusDays(30))
                        .upvotes(1).build()));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Feed parse(String path) throws Exception {
        HttpResponse<String> response = app.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/atom+xml"));
        WireFeedInput input = new WireFeedInput();
        input.setXmlHealerOn(false);
        Feed feed = (Feed) input.build(new StringReader(response.body()));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isNotBlank();
        assertThat(feed.getTitle()).isNotBlank();
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getOtherLinks()).extracting(Link::getRel).contains("self");
        for (Entry entry : feed.getEntries()) {
            assertThat(entry.getId()).startsWith("https://arxiv.org/abs/");
            assertThat(entry.getTitle()).isNotBlank();
            assertThat(entry.getUpdated()).isNotNull();
            assertThat(entry.getAuthors()).isNotEmpty();
            assertThat(entry.getAlternateLinks()).isNotEmpty();
        }
        return feed;
    }

    @Test
    void anEntrysSummaryCountsItsUpvotesInGoodEnglish() throws Exception {
        Feed feed = parse("/feeds/authors/Ada%20Single");
        assertThat(feed.getEntries()).singleElement()
                .satisfies(e -> assertThat(e.getSummary().getValue()).endsWith("(1 upvote)"));
        assertThat(parse("/feeds/categories/cs.CL").getEntries()).anySatisfy(
                e -> assertThat(e.getSummary().getValue()).endsWith("(30 upvotes)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/feeds/daily.atom", "/feeds/daily.atom?date=2026-08-21", "/feeds/trending.atom",
            "/feeds/new.atom", "/feeds/new.atom?category=cs.CV", "/feeds/categories/cs.CL",
            "/feeds/authors/Li%20Ming", "/feeds/daily.atom?week=2026-W34", "/feeds/daily.atom?month=2026-08"})
    void everyListingHasAValidFeed(String path) throws Exception {
        assertThat(parse(path).getEntries()).isNotEmpty();
    }

    @Test
    void dailyFeedListsTheDayByUpvotes() throws Exception {
        List<Entry> entries = parse("/feeds/daily.atom").getEntries();
        assertThat(entries).extracting(Entry::getId)
                .containsExactly("https://arxiv.org/abs/2608.00001", "https://arxiv.org/abs/2608.00002");
    }

    @Test
    void weekAndMonthFeedsListTheirPapersByUpvotesAndLinkTheirListing() throws Exception {
        app.app().feed().papers().upsert(List.of(paper().id("2608.00005").featuredOn(DAY.minusDays(4)).upvotes(50)
                .build()));
        Feed week = parse("/feeds/daily.atom?week=2026-W34");
        Feed month = parse("/feeds/daily.atom?month=2026-08");

        assertThat(week.getTitle()).isEqualTo("Daily Papers — 2026-W34");
        assertThat(week.getAlternateLinks()).extracting(Link::getHref).singleElement()
                .satisfies(href -> assertThat(href).endsWith("/papers/week/2026-W34"));
        assertThat(week.getEntries()).extracting(Entry::getId).containsExactly("https://arxiv.org/abs/2608.00005",
                "https://arxiv.org/abs/2608.00001", "https://arxiv.org/abs/2608.00002");
        assertThat(month.getTitle()).isEqualTo("Daily Papers — 2026-08");
        assertThat(month.getEntries()).hasSize(3);
        assertThat(parse("/feeds/daily.atom?week=2026-W30").getEntries()).isEmpty();
    }

    @Test
    void twoPeriodsOrABadWeekAreAJson400NamingTheParameter() {
        assertThat(app.get("/feeds/daily.atom?date=2026-08-21&month=2026-08").body())
                .contains("\"parameter\":\"month\"");
        HttpResponse<String> response = app.get("/feeds/daily.atom?week=2026-W99");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"parameter\":\"week\"");
    }

    @Test
    void feedsNameAStylesheetThatTurnsThemIntoAReadablePage() throws Exception {
        String atom = app.get("/feeds/daily.atom").body();
        HttpResponse<String> xsl = app.get(AtomFeeds.STYLESHEET);

        assertThat(atom).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><?xml-stylesheet type=\"text/xsl\""
                + " href=\"/assets/feed.xsl\"?><feed");
        assertThat(xsl.statusCode()).isEqualTo(200);
        assertThat(xsl.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).matches("(application|text)/(xml|xsl|xslt\\+xml).*"));
        StringWriter html = new StringWriter();
        TransformerFactory.newInstance().newTransformer(new StreamSource(new StringReader(xsl.body())))
                .transform(new StreamSource(new StringReader(atom)), new StreamResult(html));
        assertThat(html.toString()).contains("<link rel=\"stylesheet\" href=\"/assets/site.css\">")
                .contains("2026-08-21</h1>")
                .contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; bell")
                .contains("code, Li Ming")
                .doesNotContain("<script");
    }

    @Test
    void aBrowserGetsTheFeedAsXmlItMayStyleAndAFeedReaderGetsAtom() throws Exception {
        HttpResponse<String> browser = send("/feeds/trending.atom",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        HttpResponse<String> reader = send("/feeds/trending.atom", "application/atom+xml,application/xml;q=0.9");

        assertThat(browser.headers().firstValue("Content-Type")).contains("application/xml; charset=utf-8");
        assertThat(reader.headers().firstValue("Content-Type")).contains("application/atom+xml; charset=utf-8");
        assertThat(browser.body()).isEqualTo(reader.body());
        for (HttpResponse<String> response : List.of(browser, reader)) {
            assertThat(response.headers().firstValue("Vary")).contains("Accept, Accept-Encoding, Cookie");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .contains(Web.CONTENT_SECURITY_POLICY + "; script-src-elem 'self'");
        }
        assertThat(app.get("/").headers().firstValue("Content-Security-Policy"))
                .contains(Web.CONTENT_SECURITY_POLICY);
    }

    private static HttpResponse<String> send(String path, String accept) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("Accept", accept)
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void hostileTextIsEscapedAndSurvivesTheRoundTrip() throws Exception {
        Entry entry = parse("/feeds/authors/Zo%C3%AB%20%C3%9Cn%C3%AFcode").getEntries().getFirst();
        assertThat(entry.getTitle()).isEqualTo("<script>alert('x')</script> & bell \"quotes\"");
        assertThat(entry.getAuthors().getFirst().getName()).isEqualTo("Zoë Ünïcode");
        assertThat(app.get("/feeds/daily.atom").body()).doesNotContain("<script>");
    }

    @Test
    void categoryFeedHasOnlyThatCategory() throws Exception {
        assertThat(parse("/feeds/categories/cs.CV").getEntries()).extracting(Entry::getId)
                .containsExactly("https://arxiv.org/abs/2608.00003");
    }

    @Test
    void badDateIsAJson400() {
        HttpResponse<String> response = app.get("/feeds/daily.atom?date=2026-02-30");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"parameter\":\"date\"");
    }

    @Test
    void emptyInstanceStillServesAValidFeed() throws Exception {
        try (TestApp empty = TestApp.start()) {
            HttpResponse<String> response = empty.get("/feeds/trending.atom");
            assertThat(response.statusCode()).isEqualTo(200);
            Feed feed = (Feed) new WireFeedInput().build(new StringReader(response.body()));
            assertThat(feed.getEntries()).isEmpty();
        }
    }
}
