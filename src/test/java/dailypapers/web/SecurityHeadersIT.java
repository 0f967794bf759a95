package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestApp;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of response carries the security headers: pages, data, feeds, errors and static files. */
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

        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
                        + " base-uri 'none'; frame-ancestors 'none'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/no-such-page", "/papers/date/2026-13-01"})
    void pagesDeclareTheirCharset(String path) {
        assertThat(app.get(path).headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type.toLowerCase(Locale.ROOT).replace(" ", ""))
                        .isEqualTo("text/html;charset=utf-8"));
    }
}
