package dailypapers.web;

import dailypapers.TestHttp;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A visitor's browser without JavaScript, over HTTP: it keeps cookies, and a form posts the form token of the last
 * page it was shown, as a browser posts the hidden field of the form on screen. Redirects are not followed, so
 * tests see them.
 */
public final class TestBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final String clientIp;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf;

    public TestBrowser(String baseUrl) {
        this(baseUrl, null);
    }

    /** A browser behind a trusted proxy, which names {@code clientIp} in {@code X-Forwarded-For}. */
    TestBrowser(String baseUrl, String clientIp) {
        this.baseUrl = baseUrl;
        this.clientIp = clientIp;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    HttpResponse<String> get(String pathAndQuery) {
        HttpResponse<String> response = send(request(pathAndQuery).GET().build());
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    /** Opens {@code page} for its form token, then posts the form to {@code action}. */
    public HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
        get(page);
        return post(action, fields);
    }

    /** Posts a form with the token of the last page shown. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("csrf", csrf);
        }
        HttpResponse<String> response = send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all))).build());
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    /** The session cookie's value, when the browser has one. */
    public Optional<String> sessionToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(SessionCookies.NAME))
                .filter(c -> !c.getValue().isEmpty()).map(HttpCookie::getValue).findFirst();
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery));
        return clientIp == null ? builder : builder.header("X-Forwarded-For", clientIp);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return TestHttp.send(http, request);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
