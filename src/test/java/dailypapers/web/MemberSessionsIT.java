package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestDatabases;
import dailypapers.TestMember;
import dailypapers.account.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Members' sessions over HTTP: who the pages say is signed in, signing out, the form token every post needs, the
 * role checks, and validators that keep one member's page from another.
 */
class MemberSessionsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aMemberSeesTheirNameAndASignOutFormAndAnonymousVisitorsASignInLink() {
        TestMember member = app.member(Role.MEMBER);
        String page = member.get("/").body();
        assertThat(page).contains("href=\"/members/" + member.member().handle().value() + "\"",
                member.member().displayName().value(), "action=\"/sign-out\"",
                "name=\"csrf\" value=\"" + member.csrfToken() + "\"");
        assertThat(page).doesNotContain("href=\"/moderation\"", "href=\"/sign-in\"");
        assertThat(app.member(Role.MODERATOR).get("/").body()).contains("href=\"/moderation\"");
        String anonymous = app.get("/").body();
        assertThat(anonymous).contains("href=\"/sign-in\"", "href=\"/sign-up\"").doesNotContain("/sign-out");
    }

    @Test
    void signingOutEndsTheSessionInTheDatabaseAndForgetsTheCookie() {
        TestMember member = app.member(Role.MEMBER);
        HttpResponse<String> response = member.postForm("/sign-out", Map.of());
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/");
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(SessionCookies.NAME + "=;").contains("Expires=Thu, 01 Jan 1970"));
        assertThat(app.app().accounts().service().sessionMember(member.session().token())).isEmpty();
        assertThat(member.get("/").body()).contains("href=\"/sign-in\"");
    }

    @Test
    void aFormWithoutTheTokenChangesNothingAndComesBackWithWhatWasTyped() {
        TestMember member = app.member(Role.MEMBER);
        HttpResponse<String> response = member.postFormWithoutToken("/sign-out",
                Map.of("comment", "A long comment <b>worth keeping</b>", "password", "hunter2-secret"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("A long comment &lt;b&gt;worth keeping&lt;/b&gt;",
                "name=\"csrf\" value=\"" + member.csrfToken() + "\"", "action=\"/sign-out\"")
                .doesNotContain("hunter2-secret", "<b>worth");
        assertThat(app.app().accounts().service().sessionMember(member.session().token())).isPresent();
    }

    @Test
    void aPostFromAnotherSiteIsRefusedEvenWithTheToken() throws Exception {
        TestMember member = app.member(Role.MEMBER);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/sign-out"))
                .header("Cookie", member.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + member.csrfToken())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(app.app().accounts().service().sessionMember(member.session().token())).isPresent();
    }

    @Test
    void aScriptsPostWithAWrongTokenGetsJson() throws Exception {
        TestMember member = app.member(Role.MEMBER);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/sign-out"))
                .header("Cookie", member.cookie())
                .header("X-CSRF-Token", "not-the-token")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"code\":\"forbidden\"", "X-CSRF-Token");
    }

    @Test
    void anotherMembersTokenDoesNotWork() {
        TestMember member = app.member(Role.MEMBER);
        TestMember other = app.member(Role.MEMBER);
        HttpResponse<String> response = member.postFormWithoutToken("/sign-out",
                Map.of("csrf", other.csrfToken()));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void aMembersPagesArePrivateAndTheirValidatorsAreTheirOwn() throws Exception {
        TestMember ada = app.member(Role.MEMBER);
        TestMember bob = app.member(Role.MEMBER);
        HttpResponse<String> adas = ada.get("/about");
        HttpResponse<String> bobs = bob.get("/about");
        HttpResponse<String> anonymous = app.get("/about");
        assertThat(adas.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        assertThat(anonymous.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(adas.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Cookie"));
        String adasTag = adas.headers().firstValue("ETag").orElseThrow();
        assertThat(adasTag).isNotEqualTo(bobs.headers().firstValue("ETag").orElseThrow())
                .isNotEqualTo(anonymous.headers().firstValue("ETag").orElseThrow());

        HttpResponse<String> bobRevalidatesWithAdasTag = HTTP.send(HttpRequest.newBuilder(
                        URI.create(app.baseUrl() + "/about")).header("Cookie", bob.cookie())
                .header("If-None-Match", adasTag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bobRevalidatesWithAdasTag.statusCode()).isEqualTo(200);
        HttpResponse<String> adaRevalidates = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/about"))
                .header("Cookie", ada.cookie()).header("If-None-Match", adasTag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(adaRevalidates.statusCode()).isEqualTo(304);
    }

    @Test
    void adminPagesGoByTheSignedInMembersRole() {
        assertThat(app.member(Role.MEMBER).get("/admin/harvest").statusCode()).isEqualTo(403);
        assertThat(app.member(Role.MODERATOR).get("/api/harvest/status").statusCode()).isEqualTo(403);
        assertThat(app.member(Role.ADMIN).get("/admin/harvest").statusCode()).isEqualTo(200);
        assertThat(app.member(Role.ADMIN).get("/api/search/status").statusCode()).isEqualTo(200);
    }

    @Test
    void aBannedMembersSessionSignsNobodyIn() {
        TestMember member = app.member(Role.MEMBER);
        app.app().accounts().service().ban(member.member().id());
        assertThat(member.get("/").body()).contains("href=\"/sign-in\"");
        assertThat(member.get("/admin/harvest").statusCode()).isEqualTo(200)
                .as("anonymous on this machine, as before accounts");
    }

    @Test
    void overTlsThroughATrustedProxyCookiesAreSecureAndHstsIsSent() throws Exception {
        try (TestApp proxied = withToken(TrustedProxies.parse("127.0.0.1"));
                TestApp direct = withToken(TrustedProxies.none())) {
            HttpResponse<String> tls = signInPage(proxied, "https");
            assertThat(tls.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            assertThat(tls.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                    .startsWith(Csrf.COOKIE + "=").contains("Secure", "HttpOnly", "SameSite=Lax"));
            HttpResponse<String> plain = signInPage(proxied, "http");
            assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(plain.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                    .startsWith(Csrf.COOKIE + "=").doesNotContain("Secure"));
            HttpResponse<String> untrusted = signInPage(direct, "https");
            assertThat(untrusted.headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(untrusted.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                    .startsWith(Csrf.COOKIE + "=").doesNotContain("Secure"));
        }
    }

    private static TestApp withToken(TrustedProxies proxies) throws IOException {
        Path directory = Files.createTempDirectory("dailypapers-test");
        return TestApp.start(new Config(directory, TestDatabases.sqlite(directory), "127.0.0.1", 0)
                .withAdminToken(new AdminToken("an-admin-token-for-this-test")).withTrustedProxies(proxies));
    }

    private static HttpResponse<String> signInPage(TestApp app, String forwardedProto) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + SignInPages.PATH))
                .header("X-Forwarded-Proto", forwardedProto).build(), HttpResponse.BodyHandlers.ofString());
    }
}
