package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestApp;
import dailypapers.paper.ArxivId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Conditional requests over real HTTP: an unchanged answer is a 304; any change behind it is a new ETag. */
class ValidatorsIT {

    private static final String PAPER = "/papers/2312.17653";

    private static TestApp app;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = TestApp.withSample();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/trending", "/about", PAPER, "/search?q=diffusion", "/api/daily_papers",
            "/api/papers/2312.17653", "/feeds/trending.atom", "/feeds/daily.atom?month=2024-01", "/api/openapi.json"})
    void anUnchangedAnswerIsA304WithoutBody(String path) throws Exception {
        HttpResponse<String> first = send(path, null, "GET");
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("W/\"");

        HttpResponse<String> again = send(path, etag, "GET");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        // A 304 updates the headers a browser has stored: they must say what the full answer said.
        for (String header : List.of("ETag", "Content-Security-Policy", "Vary", "Cache-Control")) {
            assertThat(again.headers().firstValue(header)).as(header).isEqualTo(first.headers().firstValue(header));
        }
        assertThat(send(path, etag, "HEAD").statusCode()).isEqualTo(304);
        assertThat(send(path, "W/\"another\", " + etag, "GET").statusCode()).isEqualTo(304);
        assertThat(send(path, "W/\"another\"", "GET").statusCode()).isEqualTo(200);
    }

    @Test
    void aCompressedAnswerRevalidatesToo() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/"))
                .header("Accept-Encoding", "gzip");
        HttpResponse<byte[]> first = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(first.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = http.send(request.header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void eachUrlHasItsOwnTag() {
        assertThat(etag("/api/daily_papers?p=0")).isNotEqualTo(etag("/api/daily_papers?p=1"));
        assertThat(etag("/")).isNotEqualTo(etag("/trending"));
    }

    @Test
    void aFeedForABrowserAndForAFeedReaderHaveTheirOwnTags() throws Exception {
        String path = "/feeds/trending.atom";
        HttpResponse<String> reader = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Accept", "application/atom+xml").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> browser = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Accept", "text/html,application/xml;q=0.9").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(browser.headers().firstValue("Content-Type"))
                .isNotEqualTo(reader.headers().firstValue("Content-Type"));
        assertThat(browser.headers().firstValue("ETag")).isNotEqualTo(reader.headers().firstValue("ETag"));
    }

    @Test
    void aVoteChangesTheTagOfEveryPage() throws Exception {
        String page = etag(PAPER);
        String api = etag("/api/daily_papers");

        app.app().feed().papers().addVote(ArxivId.parse("2312.17653"), "validators-it");

        assertThat(send(PAPER, page, "GET").statusCode()).isEqualTo(200);
        assertThat(send("/api/daily_papers", api, "GET").statusCode()).isEqualTo(200);
    }

    @Test
    void aSearchIndexChangeChangesTheTagOfSearches() throws Exception {
        String path = "/search?q=language+models";
        String before = etag(path);

        app.app().search().index().delete(List.of("2312.17653"));
        app.app().search().index().refresh();

        assertThat(send(path, before, "GET").statusCode()).isEqualTo(200);
        assertThat(etag(path)).isNotEqualTo(before);
    }

    @Test
    void errorsAndProbesCarryNoTag() {
        for (String path : new String[] {"/api/daily_papers?date=2026-13-01", "/no-such-page",
                "/papers/2101.99999", "/healthz", "/readyz"}) {
            assertThat(app.get(path).headers().firstValue("ETag")).as(path).isEmpty();
        }
        assertThat(app.get("/healthz").headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aStarNeverTurnsAnErrorIntoA304() throws Exception {
        assertThat(send("/papers/2101.99999", "*", "GET").statusCode()).isEqualTo(404);
        assertThat(send("/api/daily_papers?date=2026-13-01", "*", "GET").statusCode()).isEqualTo(400);
    }

    private String etag(String path) {
        return app.get(path).headers().firstValue("ETag").orElseThrow();
    }

    private HttpResponse<String> send(String path, String ifNoneMatch, String method)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
