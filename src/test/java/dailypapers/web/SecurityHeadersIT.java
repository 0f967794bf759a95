package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of response carries the security headers (pages, data, feeds, errors and static files), and HEAD
 * answers as GET does without a body.
 */
class SecurityHeadersIT {

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/about", "/api/daily_papers", "/feeds/trending.atom", "/no-such-page",
            "/api/papers/2101.99999", "/papers/date/2026-13-01", "/assets/site.css", "/admin/sign-in"})
    void everyResponseCarriesTheSecurityHeaders(String path) {
        HttpResponse<String> response = app.get(path);

        // A feed's XSLT stylesheet loads under script-src-elem, so feeds alone allow our origin's.
        String feedStylesheet = path.startsWith("/feeds/") ? "; script-src-elem 'self'" : "";
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self';"
                        + " img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
                        + feedStylesheet);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/daily_papers", "/api/daily_papers?date=2026-13-01", "/feeds/trending.atom",
            "/papers/2101.99999", "/admin/search"})
    void headAnswersWithGetsStatusAndHeadersAndNoBody(String path) {
        HttpResponse<String> get = app.get(path);
        HttpResponse<String> head = app.head(path);

        assertThat(head.statusCode()).isEqualTo(get.statusCode());
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(head.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(rawHead(path)).as("what the server sends after the headers").isEmpty();
    }

    /** Everything after the headers of a HEAD response, read off the socket (an HTTP client would drop a body). */
    private static String rawHead(String path) {
        URI base = URI.create(app.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("HEAD " + path + " HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/daily_papers", "/feeds/trending.atom", "/about"})
    void getResponsesSayHowTheyMayBeCached(String path) {
        HttpResponse<String> response = app.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        // A feed's media type depends on whether a browser asks (see AtomFeeds).
        assertThat(response.headers().firstValue("Vary"))
                .hasValue(path.startsWith("/feeds/") ? "Accept, Accept-Encoding, Cookie" : "Accept-Encoding, Cookie");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void aKnownPathAskedWithAnotherMethodIs405NamingTheMethodsItTakes() throws Exception {
        HttpResponse<String> api = send("POST", "/api/daily_papers");
        assertThat(api.statusCode()).isEqualTo(405);
        assertThat(api.headers().firstValue("Allow")).hasValueSatisfying(
                allow -> assertThat(allow.split(",\\s*")).containsExactlyInAnyOrder("GET", "HEAD"));
        assertThat(api.body()).contains("\"code\":\"method_not_allowed\"");

        HttpResponse<String> page = send("DELETE", "/about");
        assertThat(page.statusCode()).isEqualTo(405);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));

        assertThat(send("POST", "/no-such-page").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void adminAnswersAreNeverStored() {
        for (String path : new String[] {"/api/search/status", "/admin/harvest", "/metrics", "/admin/sign-in"}) {
            assertThat(app.get(path).headers().firstValue("Cache-Control")).as(path)
                    .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/no-such-page", "/papers/date/2026-13-01"})
    void pagesDeclareTheirCharset(String path) {
        assertThat(app.get(path).headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type.toLowerCase(Locale.ROOT).replace(" ", ""))
                        .isEqualTo("text/html;charset=utf-8"));
    }
}
