package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestApp;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The route table as the running server holds it: every route says who may use it. */
class RouteTableIT {

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
    void everyRouteHasExactlyOneRole() {
        List<Web.Route> routes = app.web().routes();
        assertThat(routes).hasSizeGreaterThan(20);
        assertThat(routes).allSatisfy(route -> assertThat(route.roles()).as(route.method() + " " + route.path())
                .hasSize(1).allMatch(Role.class::isInstance));
    }

    @Test
    void theAdminPagesAndTheirApisNeedAnAdmin() {
        assertThat(app.web().routes().stream().filter(r -> r.roles().equals(Set.of(Role.ADMIN)))
                .map(Web.Route::path))
                .containsExactlyInAnyOrder("/admin/harvest", "/admin/search", "/api/harvest/status",
                        "/api/search/status");
    }
}
