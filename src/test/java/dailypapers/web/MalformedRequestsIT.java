package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests a lenient server would guess at get our own 400, never the container's page: a path that cannot be
 * decoded, a broken escape in a parameter, non-ASCII digits, a repeated parameter, an unknown choice. Sent over a
 * raw socket, since an HTTP client refuses to send a malformed address.
 */
class MalformedRequestsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** A response read off the socket: status line, headers (names in lower case) and body. */
    private record RawResponse(int status, String headers, String body) {

        String header(String name) {
            return headers.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(null);
        }
    }

    /** Sends each target in turn on one connection (the last closes it) and returns everything the server sent. */
    private static String exchange(String... targets) {
        URI base = URI.create(app.baseUrl());
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < targets.length; i++) {
            requests.append("GET ").append(targets[i]).append(" HTTP/1.1\r\nHost: ").append(base.getAuthority())
                    .append(i == targets.length - 1 ? "\r\nConnection: close" : "").append("\r\n\r\n");
        }
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(requests.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawResponse get(String target) {
        String response = exchange(target);
        int split = response.indexOf("\r\n\r\n");
        String head = response.substring(0, split);
        return new RawResponse(Integer.parseInt(head.substring(9, 12)), head.substring(head.indexOf("\r\n") + 2),
                response.substring(split + 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/papers/%FF%FE", "/api/papers/a%00b", "/api/papers/%zz", "/api/papers/%",
            "/api/no-such/%zz", "/feeds/authors/%C3%28"})
    void anUndecodablePathUnderTheApiIsOurJson400(String target) throws IOException {
        RawResponse response = get(target);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("content-type")).startsWith("application/json");
        // Everything under /feeds/ carries the feed's policy, which lets a browser load the feed stylesheet.
        assertThat(response.header("content-security-policy")).isEqualTo(target.startsWith("/feeds/")
                ? Web.CONTENT_SECURITY_POLICY + AtomFeeds.STYLESHEET_POLICY : Web.CONTENT_SECURITY_POLICY);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("code").asText()).isEqualTo("malformed_request");
        assertThat(error.get("error").asText()).startsWith("The address of this request cannot be read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/papers/%FF%FE", "/papers/a%00b", "/papers/%zz", "/authors/%zz", "/no-such/%zz",
            "/assets/%zz"})
    void anUndecodablePathElsewhereIsTheStyledErrorPage(String target) {
        RawResponse response = get(target);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("content-type")).startsWith("text/html");
        assertThat(response.header("content-security-policy")).isEqualTo(Web.CONTENT_SECURITY_POLICY);
        assertThat(response.body()).contains("<link rel=\"stylesheet\" href=\"/assets/site.css\">")
                .contains("cannot be read").doesNotContain("HTTP ERROR").doesNotContain("badMessage");
    }

    @Test
    void theNextRequestOnTheSameConnectionIsNotMarked() {
        String both = exchange("/api/papers/%zz", "/api/daily_papers");

        assertThat(both).startsWith("HTTP/1.1 400 ");
        assertThat(both.substring(1)).contains("HTTP/1.1 200 ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/daily_papers?date=%zz               | date",
            "/api/papers/search?q=%zz                 | q",
            "/search?q=attention&p=%                  | p",
            "/api/daily_papers?limit=5&%zz=1          | %zz",
            "/feeds/new.atom?category=cs.%C0%AF       | category",
            "/api/daily_papers?p=%EF%BC%91            | p",
            "/search?q=attention&p=%D9%A1             | p",
            "/api/daily_papers?p=1&p=2                | p",
            "/search?q=attention&sort=date&sort=upvotes | sort",
            "/search?q=a&q=b                          | q",
            "/api/papers/search?q=x&sort=newest       | sort",
            "/api/papers/search?q=x&mode=fuzzy        | mode",
            "/feeds/search?q=x&sort=random            | sort",
            "/new?category=cs.CL&category=cs.LG       | category"
    })
    void aParameterThatCannotBeReadIsA400NamingIt(String target, String parameter) throws IOException {
        RawResponse response = get(target);

        assertThat(response.status()).isEqualTo(400);
        if (response.header("content-type").startsWith("application/json")) {
            assertThat(JSON.readTree(response.body()).get("parameter").asText()).isEqualTo(parameter);
        } else {
            assertThat(response.body()).contains("invalid parameter '" + parameter + "'");
        }
    }

    @Test
    void aParameterValueMayHoldEscapedSpacesPlusesAndLineBreaks() {
        assertThat(get("/search?q=attention+is%20all%0Ayou%2Bneed").status()).isEqualTo(200);
        assertThat(get("/api/daily_papers?submitter=%E6%97%A5%E6%9C%AC").status()).isEqualTo(200);
    }
}
