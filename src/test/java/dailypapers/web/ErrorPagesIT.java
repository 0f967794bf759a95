package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.TestApp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Errors are written as the route answers: an HTML page for pages, a JSON body for the API, feeds and probes. */
class ErrorPagesIT {

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
    @ValueSource(strings = {"/api/nope", "/feeds/nope", "/api/papers/2101.00001", "/feeds/categories/not%20one",
            "/api/daily_papers?date=yesterday"})
    void dataRoutesAndUnmatchedPathsUnderTheirGroupsAnswerJson(String path) throws Exception {
        HttpResponse<String> response = app.get(path);
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.get("code").asText()).isIn("not_found", "bad_parameter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/apiary", "/papers/2101.00001", "/categories/not%20one",
            "/papers/date/yesterday", "/admin/nope"})
    void pagesAndOtherUnmatchedPathsAnswerAnHtmlPage(String path) {
        HttpResponse<String> response = app.get(path);
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/html"));
        assertThat(response.body()).contains("<!doctype html>", "class=\"error-page\"");
    }

    @Test
    void aMalformedCategoryIsA400NamingItOnThePageAndInTheFeeds() {
        assertThat(app.get("/categories/not%20one").statusCode()).isEqualTo(400);
        assertThat(app.get("/feeds/categories/not%20one").body()).contains("\"parameter\":\"category\"");
        assertThat(app.get("/feeds/new.atom?category=%3Cscript%3E").statusCode()).isEqualTo(400);
        assertThat(app.get("/feeds/categories/cs.CL").statusCode()).isEqualTo(200);
    }
}
