package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestDatabases;
import dailypapers.ingest.ReplayServer;
import dailypapers.ingest.ReplayServer.Reply;
import dailypapers.job.JobScheduler;
import dailypapers.thumbnail.TestPdfs;
import dailypapers.thumbnail.ThumbnailModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thumbnails end to end over real HTTP: the scheduler's job fetches PDFs from a loopback server playing arXiv,
 * then the day listing shows them (or a placeholder), {@code /thumbnails/…} serves them with a year-long immutable
 * cache, and the API returns their absolute URLs.
 */
class ThumbnailPagesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IMG = Pattern.compile("<img src=\"(/thumbnails/[^\"]+)\" alt=\"\" width=\"400\""
            + " height=\"517\" loading=\"lazy\" decoding=\"async\">");
    private static final String DAY = "/papers/date/2026-08-11";

    @TempDir
    static Path directory;

    private static ReplayServer arxiv;
    private static TestApp app;
    private static String rendered;
    private static String missing;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        PageFixtures fixtures = new PageFixtures();
        rendered = fixtures.paper().get("id").asText();
        missing = fixtures.paper().get("id").asText();
        fixtures.paper().put("title", "Never featured").putNull("hf_daily_date");
        arxiv = ReplayServer.start();
        arxiv.route(uri -> uri.getPath().equals("/pdf/" + rendered)
                ? Reply.ok(TestPdfs.paper("A rendered paper", true), "application/pdf")
                : Reply.status(404, Map.of()));
        Map<String, String> flags = new HashMap<>();
        flags.put(Config.THUMBNAIL_PDF_URL.key(), arxiv.baseUrl() + "/pdf/");
        flags.put(Config.HARVEST_ARXIV_DELAY_MS.key(), "0");
        flags.put(Config.HARVEST_RETRY_ATTEMPTS.key(), "1");
        Config loaded = Config.load(null, Map.of(), flags);
        app = TestApp.start(new Config(directory, TestDatabases.sqlite(directory), "127.0.0.1", 0)
                .withThumbnails(loaded.thumbnails()));
        app.importFile(fixtures.write(directory));
        assertThat(app.app().jobs().runNow(ThumbnailModule.JOB)).isEqualTo(JobScheduler.Outcome.RAN);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (arxiv != null) {
            arxiv.close();
        }
    }

    @Test
    void aThumbnailIsServedFromOurOriginWithAYearLongImmutableCache() throws Exception {
        String src = thumbnailOf(rendered);
        assertThat(src).matches("/thumbnails/" + Pattern.quote(rendered) + "\\.png\\?v=[0-9a-f]{16}");

        HttpResponse<byte[]> response = bytes("GET", src, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(response.body()).startsWith(0x89, 'P', 'N', 'G');

        HttpResponse<byte[]> head = bytes("HEAD", src, Map.of());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void anOlderVersionIsRedirectedAndTheBareUrlIsCachedBriefly() throws Exception {
        String src = thumbnailOf(rendered);
        String bare = src.substring(0, src.indexOf('?'));

        HttpResponse<byte[]> stale = bytes("GET", bare + "?v=0123456789abcdef", Map.of());
        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(stale.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(src));
        assertThat(stale.headers().firstValue("Cache-Control")).contains("no-cache");

        HttpResponse<byte[]> unversioned = bytes("GET", bare, Map.of());
        assertThat(unversioned.statusCode()).isEqualTo(200);
        assertThat(unversioned.headers().firstValue("Cache-Control")).contains("public, max-age=3600");
        String etag = unversioned.headers().firstValue("ETag").orElseThrow();
        assertThat(bytes("GET", bare, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
    }

    @Test
    void noThumbnailIsA404AndSoIsANameThatIsNotOne() throws Exception {
        for (String path : new String[] {"/thumbnails/" + missing + ".png", "/thumbnails/2608.99999.png",
                "/thumbnails/" + rendered + ".jpg", "/thumbnails/arXiv:" + rendered + ".png",
                "/thumbnails/not-an-id.png", "/thumbnails/hep-th/9901001.png"}) {
            HttpResponse<String> response = app.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(response.headers().firstValue("Cache-Control")).as(path).contains("no-cache");
        }
    }

    @Test
    void featuredCardsShowTheThumbnailOrAPlaceholderOfTheSameShapeInAGrid() {
        String html = app.get(DAY).body();

        assertThat(html).contains("<ol class=\"cards grid\">");
        String card = PageFixtures.card(html, rendered);
        assertThat(card).containsPattern(IMG);
        assertThat(card).contains("<a class=\"thumb\" href=\"/papers/" + rendered + "\" tabindex=\"-1\""
                + " aria-hidden=\"true\">");
        assertThat(PageFixtures.card(html, missing))
                .contains("<div class=\"thumb placeholder\" aria-hidden=\"true\"></div>")
                .doesNotContain("<img");
    }

    @Test
    void listingsOfPapersThatAreNotFeaturedShowNoThumbnails() {
        String html = app.get("/new/2026-08-10").body();

        assertThat(PageFixtures.cardIds(html)).hasSize(3);
        assertThat(html).doesNotContain("class=\"thumb").contains("<ol class=\"cards\">");
    }

    @Test
    void theApiGivesEachItemTheAbsoluteUrlOfItsThumbnailOrNull() throws Exception {
        JsonNode items = JSON.readTree(app.get("/api/daily_papers?date=2026-08-11").body());

        Map<String, JsonNode> byId = new HashMap<>();
        items.forEach(item -> byId.put(item.get("paper").get("id").asText(), item));
        assertThat(byId.get(rendered).get("thumbnail").asText()).isEqualTo(app.baseUrl() + thumbnailOf(rendered));
        assertThat(byId.get(missing).has("thumbnail")).isTrue();
        assertThat(byId.get(missing).get("thumbnail").isNull()).isTrue();
    }

    private static String thumbnailOf(String id) {
        Matcher img = IMG.matcher(PageFixtures.card(app.get(DAY).body(), id));
        assertThat(img.find()).as("thumbnail of " + id).isTrue();
        return img.group(1);
    }

    private static HttpResponse<byte[]> bytes(String method, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
