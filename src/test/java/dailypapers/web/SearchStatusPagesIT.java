package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.TestApp;
import dailypapers.TestData;
import dailypapers.TestDatabases;
import dailypapers.search.EmbeddingJob;
import dailypapers.search.HashingEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search status page and API over real HTTP, before and after the server's embedding job runs. */
class SearchStatusPagesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode status(TestApp app) {
        HttpResponse<String> response = app.get("/api/search/status");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        return json(response.body());
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String page(TestApp app) {
        HttpResponse<String> response = app.get("/admin/search");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void countsGoFromAllMissingToNoneMissingAndTheJobReportsItsRun() {
        HashingEncoder encoder = new HashingEncoder();
        try (TestApp app = TestApp.start(TestDatabases.sqlite(dir), dir, Optional.of(encoder))) {
            app.importFile(TestData.sample());

            JsonNode before = status(app);
            assertThat(before.get("model").asText()).isEqualTo(encoder.model());
            assertThat(before.get("papers").asLong()).isEqualTo(1_000);
            assertThat(before.get("indexed").asLong()).isEqualTo(1_000);
            assertThat(before.get("indexedWithVectors").asLong()).isZero();
            assertThat(before.get("missingVectors").asLong()).isEqualTo(1_000);
            assertThat(before.get("indexBuilding").asBoolean()).isFalse();
            JsonNode idle = before.get("embedding");
            assertThat(idle.get("running").asBoolean()).isFalse();
            assertThat(idle.get("threads").asInt()).isEqualTo(app.app().config().search().embeddingThreads());
            assertThat(idle.get("lastFinishedAt").isNull()).isTrue();
            assertThat(idle.get("secondsLeft").isNull()).isTrue();
            assertThat(page(app)).contains("<h1>Search and embeddings</h1>", "<code>test-hashing-64</code>",
                    "Papers without a vector from the model</th><td>1,000</td>",
                    "Papers with a vector in the index</th><td>0</td>", "none since the server started");

            List<JsonNode> whileRunning = new ArrayList<>();
            List<String> pagesWhileRunning = new ArrayList<>();
            app.app().search().embedding().orElseThrow().run(Long.MAX_VALUE, progress -> {
                if (whileRunning.isEmpty()) {
                    whileRunning.add(status(app));
                    pagesWhileRunning.add(page(app));
                }
            });

            JsonNode running = whileRunning.getFirst().get("embedding");
            assertThat(running.get("running").asBoolean()).isTrue();
            assertThat(running.get("embedded").asLong()).isEqualTo(EmbeddingJob.BATCH_SIZE_PER_THREAD
                    * (long) running.get("threads").asInt());
            assertThat(running.get("missingAtStart").asLong()).isEqualTo(1_000);
            assertThat(running.get("startedAt").asText()).isEqualTo(TestApp.FIXED_CLOCK.instant().toString());
            assertThat(running.get("secondsLeft").isIntegralNumber()).isTrue();
            assertThat(pagesWhileRunning.getFirst()).contains("running since", "Time left", "papers/s")
                    .containsPattern("[0-9]+ of 1,000 papers embedded \\([0-9]+%\\)");

            JsonNode after = status(app);
            assertThat(after.get("indexedWithVectors").asLong()).isEqualTo(1_000);
            assertThat(after.get("missingVectors").asLong()).isZero();
            JsonNode ran = after.get("embedding");
            assertThat(ran.get("running").asBoolean()).isFalse();
            assertThat(ran.get("embedded").asLong()).isEqualTo(1_000);
            assertThat(ran.get("missingAtStart").asLong()).isEqualTo(1_000);
            assertThat(ran.get("lastRunEmbedded").asLong()).isEqualTo(1_000);
            assertThat(ran.get("lastFinishedAt").asText()).isEqualTo(TestApp.FIXED_CLOCK.instant().toString());
            assertThat(ran.get("papersPerSecond").asDouble()).isPositive();
            assertThat(page(app)).contains("Papers without a vector from the model</th><td>0</td>",
                    "Papers with a vector in the index</th><td>1,000</td>",
                    "finished " + TestApp.FIXED_CLOCK.instant() + ", embedded 1,000 papers at");
        }
    }

    @Test
    void withoutAModelThereIsNoJobAndThePageSaysWhy() {
        try (TestApp app = TestApp.start(TestDatabases.sqlite(dir), dir)) {
            JsonNode status = status(app);
            assertThat(status.get("model").isNull()).isTrue();
            assertThat(status.get("missingVectors").isNull()).isTrue();
            assertThat(status.get("embedding").isNull()).isTrue();
            assertThat(status.get("papers").asLong()).isZero();
            assertThat(page(app)).contains("none is configured", "<code>search.model=none</code>",
                    "There is no embedding job without a model.")
                    .doesNotContain("Papers without a vector");
        }
    }

    @Test
    void theAdminPagesLinkEachOtherAndTheApiIsDocumented() {
        try (TestApp app = TestApp.start(TestDatabases.sqlite(dir), dir)) {
            assertThat(page(app)).contains("href=\"/admin/harvest\"", "href=\"/api/search/status\"");
            assertThat(app.get("/admin/harvest").body()).contains("href=\"/admin/search\"");
            JsonNode openApi = json(app.get("/api/openapi.json").body());
            assertThat(openApi.get("paths").has("/api/search/status")).isTrue();
        }
    }
}
