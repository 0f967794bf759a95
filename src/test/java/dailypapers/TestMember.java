package dailypapers;

import dailypapers.account.Member;
import dailypapers.account.Session;
import dailypapers.web.SessionCookies;
import dailypapers.web.Visitor;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A member signed in over a real session of a {@link TestApp}: every request sends the session cookie, and posts
 * send the form token the member's pages carry, as a browser would. Redirects are not followed, so tests see them.
 */
public final class TestMember {

    private final TestApp app;
    private final Member member;
    private final Session session;
    private final String password;
    private final HttpClient http = HttpClient.newHttpClient();

    TestMember(TestApp app, Member member, Session session, String password) {
        this.app = app;
        this.member = member;
        this.session = session;
        this.password = password;
    }

    public String password() {
        return password;
    }

    public Member member() {
        return member;
    }

    public Session session() {
        return session;
    }

    /** The form token this member's forms carry. */
    public String csrfToken() {
        return Visitor.csrfTokenFor(session.token());
    }

    /** The Cookie header this member's browser sends. */
    public String cookie() {
        return SessionCookies.NAME + "=" + session.token();
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    /** Posts a form with the member's form token added. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields, csrfToken()))).build());
    }

    /** Posts a form as it is: no form token is added. */
    public HttpResponse<String> postFormWithoutToken(String path, Map<String, String> fields) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields, null))).build());
    }

    /** Posts JSON as a script on our pages does: the form token in its header. */
    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-CSRF-Token", csrfToken()).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).header("Accept", "application/json").header("X-CSRF-Token", csrfToken())
                .DELETE().build());
    }

    static String form(Map<String, String> fields, String csrfToken) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        if (csrfToken == null) {
            return body;
        }
        return (body.isEmpty() ? "" : body + "&") + "csrf=" + encode(csrfToken);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + pathAndQuery)).header("Cookie", cookie());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return TestHttp.send(http, request);
    }
}
