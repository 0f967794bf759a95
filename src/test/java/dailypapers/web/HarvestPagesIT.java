package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.TestApp;
import dailypapers.ingest.Checkpoint;
import dailypapers.ingest.CheckpointStore.RunRecord;
import dailypapers.ingest.HarvestCounts;
import dailypapers.ingest.HarvestException;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The harvest status page and API over real HTTP, from checkpoint rows in a real database. */
class HarvestPagesIT {

    private static final Instant T0 = Instant.parse("2026-08-22T06:00:00Z");
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        var checkpoints = app.app().ingest().checkpoints();
        checkpoints.saveCheckpoint("hf", new Checkpoint("2026-08-21", null, null), T0);
        checkpoints.recordRun("hf", new RunRecord(T0, T0.plusSeconds(4), new HarvestCounts(1, 17, 17, 0, 0, 0, 0, 0),
                null, null));
        checkpoints.saveCheckpoint("arxiv:cs", new Checkpoint("2026-08-15", "726959|1001", "2026-08-22"), T0);
        checkpoints.recordRun("arxiv:cs", new RunRecord(T0, T0.plusSeconds(9), HarvestCounts.NONE,
                HarvestException.Code.SERVER_ERROR, "export.arxiv.org answered HTTP 503 <script>alert(1)</script>"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theApiShowsEachSourcesPositionLastRunAndError() throws Exception {
        HttpResponse<String> response = app.get("/api/harvest/status");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode body = new ObjectMapper().readTree(response.body());

        assertThat(body.get("scheduled").asBoolean()).isFalse();
        assertThat(body.get("sources")).extracting(s -> s.get("source").asText())
                .containsExactly("hf", "arxiv:cs", "arxiv:stat.ML");
        JsonNode hf = body.get("sources").get(0);
        assertThat(hf.get("upstream").asText()).isEqualTo("huggingface.co");
        assertThat(hf.get("cursor").asText()).isEqualTo("2026-08-21");
        assertThat(hf.get("lastSuccessAt").asText()).isEqualTo("2026-08-22T06:00:04Z");
        assertThat(hf.get("lastRun").get("inserted").asInt()).isEqualTo(17);
        assertThat(hf.get("lastError").isNull()).isTrue();
        assertThat(hf.get("circuit").asText()).isEqualTo("closed");
        JsonNode cs = body.get("sources").get(1);
        assertThat(cs.get("resumptionToken").asText()).isEqualTo("726959|1001");
        assertThat(cs.get("lastSuccessAt").isNull()).isTrue();
        assertThat(cs.get("lastError").get("code").asText()).isEqualTo("server_error");
        assertThat(cs.get("consecutiveFailures").asInt()).isEqualTo(1);
        JsonNode never = body.get("sources").get(2);
        assertThat(never.get("lastRunStartedAt").isNull()).isTrue();
    }

    @Test
    void theAdminPageShowsTheSameEscaped() {
        HttpResponse<String> response = app.get("/admin/harvest");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<h1>Harvesters</h1>", "arxiv:stat.ML", "SERVER_ERROR",
                "token 726959|1001", "Scheduled harvesting is off", "Only the operator sees this page")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }
}
