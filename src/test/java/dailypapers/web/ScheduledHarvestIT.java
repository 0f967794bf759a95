package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.Config;
import dailypapers.TestData;
import dailypapers.TestApp;
import dailypapers.TestDatabases;
import dailypapers.ingest.ReplayServer;
import dailypapers.job.JobScheduler;
import dailypapers.search.SearchModule;
import dailypapers.ingest.ReplayServer.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} with harvesting on: every source is a job of the scheduler, run here by its manual trigger against
 * replay servers; a failing arXiv never stops Hugging Face papers from arriving.
 */
class ScheduledHarvestIT {

    @TempDir
    Path dir;

    @Test
    void serveHarvestsEverySourceAsAJobAndOneFailingSourceBlocksNoOther() throws Exception {
        byte[] day = TestData.recorded("hf-daily-papers/daily_papers-2026-08-21.json");
        String firstId = new ObjectMapper().readTree(day).get(0).get("paper").get("id").asText();
        try (ReplayServer server = ReplayServer.start()) {
            server.route(uri -> {
                if (uri.getPath().equals("/oai2")) {
                    return Reply.status(500, Map.of());
                }
                return uri.getQuery().equals("date=2026-08-21") ? Reply.ok(day, "application/json")
                        : Reply.ok("[]".getBytes(), "application/json");
            });
            Map<String, String> settings = new HashMap<>();
            settings.put(Config.DATA_DIR.key(), dir.toString());
            settings.put(Config.HTTP_HOST.key(), "127.0.0.1");
            settings.put(Config.HTTP_PORT.key(), "0");
            settings.put(Config.HARVEST_FIRST_RUN_DELAY_SECONDS.key(), "0");
            settings.put(Config.HARVEST_HF_URL.key(), server.baseUrl());
            settings.put(Config.HARVEST_ARXIV_OAI_URL.key(), server.baseUrl() + "/oai2");
            settings.put(Config.HARVEST_HF_DELAY_MS.key(), "0");
            settings.put(Config.HARVEST_ARXIV_DELAY_MS.key(), "0");
            settings.put(Config.HARVEST_RETRY_ATTEMPTS.key(), "1");
            settings.put(Config.HARVEST_RETRY_BACKOFF_MS.key(), "0");
            Config loaded = Config.load(null, Map.of(), settings);
            Config config = new Config(dir, TestDatabases.sqlite(dir), "127.0.0.1", 0).withHarvest(loaded.harvest());
            try (TestApp app = TestApp.start(config)) {
                JobScheduler jobs = app.app().jobs();
                assertThat(jobs.jobNames()).contains("harvest:hf", "harvest:arxiv:cs", "harvest:arxiv:stat.ML",
                        SearchModule.SYNC_JOB);

                assertThat(jobs.runNow("harvest:arxiv:cs")).isEqualTo(JobScheduler.Outcome.RAN);
                assertThat(jobs.runNow("harvest:hf")).isEqualTo(JobScheduler.Outcome.RAN);

                String status = app.get("/api/harvest/status").body();
                assertThat(status).contains("\"scheduled\":true").contains("server_error")
                        .contains("\"lastSuccessAt\":\"");
                assertThat(app.app().feed().papers().counts().featured()).isEqualTo(17);
                assertThat(app.get("/api/daily_papers?date=2026-08-21&limit=100").body())
                        .contains("\"id\":\"" + firstId + "\"");

                // The server's index sync picks harvested papers up like any other write.
                assertThat(jobs.runNow(SearchModule.SYNC_JOB)).isEqualTo(JobScheduler.Outcome.RAN);
                String query = "/api/papers/search?q=" + URLEncoder.encode(firstId, StandardCharsets.UTF_8);
                assertThat(app.get(query).body()).contains("\"id\":\"" + firstId + "\"");
            }
        }
    }
}
