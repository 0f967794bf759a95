package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OperationsIT {

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
    void healthAndReadiness() {
        assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
        var ready = app.get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("ready");
    }

    @Test
    void metricsExposeRouteLatencyPoolAndJvm() {
        app.get("/api/daily_papers?date=2026-08-21");
        app.get("/api/papers/2101.00001");
        String metrics = app.get("/metrics").body();
        assertThat(metrics).contains("http_server_requests_seconds_bucket{")
                .contains("route=\"/api/daily_papers\"")
                .contains("route=\"/api/papers/<id>\",status=\"404\"")
                .contains("hikaricp_connections_active")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void unknownApiPathIsAJson404() {
        var response = app.get("/api/nothing-here");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":\"not_found\"");
    }
}
