package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.TestApp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The route table as the running server holds it: every route says who may use it, and errors are written as the
 * route answers (an HTML page for pages, a JSON body for the API, the feeds and the probes).
 */
class RoutesIT {

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

    @Test
    void staticAssetsAreServedBesideTheTable() {
        HttpResponse<String> css = app.get("/assets/site.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/css"));
        assertThat(app.get("/assets/nope.css").statusCode()).isEqualTo(404);
    }

    @Test
    void everyRouteHasExactlyOneRole() {
        List<Web.Route> routes = app.web().routes();
        assertThat(routes).hasSizeGreaterThan(20);
        assertThat(routes).allSatisfy(route -> assertThat(route.roles()).as(route.method() + " " + route.path())
                .hasSize(1).allMatch(Role.class::isInstance));
    }

    @Test
    void everyGetRouteAnswersHead() {
        List<Web.Route> routes = app.web().routes();
        assertThat(routes.stream().filter(r -> r.method().equals("HEAD")).map(Web.Route::path))
                .containsExactlyInAnyOrderElementsOf(routes.stream().filter(r -> r.method().equals("GET"))
                        .map(Web.Route::path).toList());
    }

    @Test
    void theAdminPagesAndTheirApisNeedAnAdmin() {
        assertThat(app.web().routes().stream().filter(r -> r.roles().equals(Set.of(Role.ADMIN)))
                .map(Web.Route::path).distinct())
                .containsExactlyInAnyOrder("/admin/harvest", "/admin/search", "/admin/digests",
                        "/admin/export/papers.jsonl.gz", "/api/harvest/status", "/api/search/status", "/metrics");
    }
}
