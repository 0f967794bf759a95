package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin pages and APIs behind an admin token, over real HTTP: bearer tokens, the sign-in form, its cookie. */
class AdminAccessIT {

    private static final String TOKEN = "an operator token 0f9e8d7c";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Follows no redirects, so the tests see each one. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestApp app;

    @BeforeAll
    static void start() throws IOException {
        Path dir = Files.createTempDirectory("dailypapers-admin");
        app = TestApp.start(new Config(dir, TestDatabases.sqlite(dir), "127.0.0.1", 0)
                .withAdminToken(new AdminToken(TOKEN)));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/harvest/status", "/api/search/status"})
    void adminApisAnswer401WithoutTheTokenAnd200WithIt(String path) throws Exception {
        HttpResponse<String> none = send(request(path));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
        JsonNode error = JSON.readTree(none.body());
        assertThat(error.get("code").asText()).isEqualTo("unauthorized");
        assertThat(none.body()).doesNotContain(TOKEN);

        HttpResponse<String> wrong = send(request(path).header("Authorization", "Bearer not-the-token"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).get("code").asText()).isEqualTo("unauthorized");

        HttpResponse<String> right = send(request(path).header("Authorization", "Bearer " + TOKEN));
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
    }

    @Test
    void metricsAreForTheOperator() {
        assertThat(send(request("/metrics")).statusCode()).isEqualTo(401);
        HttpResponse<String> scrape = send(request("/metrics").header("Authorization", "Bearer " + TOKEN));
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("http_server_requests_seconds");
    }

    @Test
    void loopbackAloneIsNotEnoughOnceATokenIsConfigured() {
        assertThat(send(request("/admin/harvest")).statusCode()).isEqualTo(303);
    }

    @Test
    void publicRoutesNeedNoToken() {
        assertThat(send(request("/api/daily_papers")).statusCode()).isEqualTo(200);
        assertThat(send(request("/")).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminPageSendsABrowserToSignInAndTheCookieThenOpensIt() {
        HttpResponse<String> page = send(request("/admin/search"));
        assertThat(page.statusCode()).isEqualTo(303);
        String signInUrl = page.headers().firstValue("Location").orElseThrow();
        assertThat(signInUrl).isEqualTo("/admin/sign-in?next=%2Fadmin%2Fsearch");

        HttpResponse<String> form = send(request(signInUrl));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("type=\"password\"", "name=\"token\"",
                "name=\"next\" value=\"/admin/search\"", "action=\"/admin/sign-in\"");

        HttpResponse<String> signedIn = send(signIn(TOKEN, "/admin/search").header("Sec-Fetch-Site", "same-origin")
                .header("Origin", app.baseUrl()));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains("/admin/search");
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(AdminAccess.COOKIE + "=").contains("HttpOnly", "SameSite=Strict", "Path=/")
                .doesNotContain("Secure").doesNotContain(TOKEN)
                .doesNotContain(URLEncoder.encode(TOKEN, StandardCharsets.UTF_8));
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> opened = send(request("/admin/search").header("Cookie", cookie));
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("Search and embeddings");
        assertThat(send(request("/api/search/status").header("Cookie", cookie)).statusCode()).isEqualTo(200);
        assertThat(send(request("/admin/search").header("Cookie", AdminAccess.COOKIE + "=1999999999.forged"))
                .statusCode()).isEqualTo(303);
    }

    @Test
    void aWrongTokenRendersTheFormAgainWithoutACookie() {
        HttpResponse<String> response = send(signIn("guess", "/admin/harvest"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(response.body()).contains("That is not the admin token.", "type=\"password\"");
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefused() {
        for (HttpRequest.Builder crossSite : List.of(
                signIn(TOKEN, "/admin/harvest").header("Sec-Fetch-Site", "cross-site"),
                signIn(TOKEN, "/admin/harvest").header("Origin", "https://evil.example"))) {
            HttpResponse<String> response = send(crossSite);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("text/html"));
        }
    }

    @Test
    void aSignInCannotRedirectElsewhere() {
        HttpResponse<String> response = send(signIn(TOKEN, "https://evil.example/"));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains(SignInPages.DEFAULT_NEXT);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).GET();
    }

    /** The anonymous form token a browser holds after opening the sign-in page. */
    private static final String FORM_TOKEN = "a-form-token-of-this-browser-0123456789";

    private static HttpRequest.Builder signIn(String token, String next) {
        String form = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) + "&csrf=" + FORM_TOKEN;
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + SignInPages.PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", Csrf.COOKIE + "=" + FORM_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
