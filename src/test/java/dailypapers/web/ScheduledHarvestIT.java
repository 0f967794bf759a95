package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.App;
import dailypapers.Config;
import dailypapers.TestData;
import dailypapers.TestApp;
import dailypapers.TestDatabases;
import dailypapers.ingest.ReplayServer;
import dailypapers.ingest.ReplayServer.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} with harvesting on: both sources run on their schedule against replay servers, and a failing
 * arXiv never stops Hugging Face papers from arriving.
 */
class ScheduledHarvestIT {

    @TempDir
    Path dir;

    @Test
    void serveHarvestsEverySourceOnItsScheduleAndOneFailingSourceBlocksNoOther() throws Exception {
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
            settings.put(Config.DATA_DIR, dir.toString());
            settings.put(Config.HTTP_HOST, "127.0.0.1");
            settings.put(Config.HTTP_PORT, "0");
            settings.put(Config.HARVEST_FIRST_RUN_DELAY_SECONDS, "0");
            settings.put(Config.HARVEST_HF_URL, server.baseUrl());
            settings.put(Config.HARVEST_ARXIV_OAI_URL, server.baseUrl() + "/oai2");
            settings.put(Config.HARVEST_HF_DELAY_MS, "0");
            settings.put(Config.HARVEST_ARXIV_DELAY_MS, "0");
            settings.put(Config.HARVEST_RETRY_ATTEMPTS, "1");
            settings.put(Config.HARVEST_RETRY_BACKOFF_MS, "0");
            Config loaded = Config.load(null, Map.of(), settings);
            Config config = new Config(dir, TestDatabases.sqlite(dir), "127.0.0.1", 0).withHarvest(loaded.harvest());
            try (TestApp app = TestApp.start(config)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                String status = "";
                while (System.nanoTime() < deadline) {
                    status = app.get("/api/harvest/status").body();
                    if (status.contains("\"lastSuccessAt\":\"") && status.contains("server_error")) {
                        break;
                    }
                    Thread.sleep(50);
                }
                assertThat(status).contains("\"scheduled\":true").contains("server_error");
                assertThat(app.app().papers().counts().featured()).isEqualTo(17);
                assertThat(app.get("/api/daily_papers?date=2026-08-21&limit=100").body())
                        .contains("\"id\":\"" + firstId + "\"");

                // The server's index sync picks harvested papers up like any other write.
                app.app().startBackgroundJobs();
                String query = "/api/papers/search?q=" + URLEncoder.encode(firstId, StandardCharsets.UTF_8);
                long searchDeadline = System.nanoTime()
                        + TimeUnit.SECONDS.toNanos(App.INDEX_SYNC_INTERVAL_SECONDS * 3);
                String found = "";
                while (System.nanoTime() < searchDeadline && !found.contains(firstId)) {
                    found = app.get(query).body();
                    Thread.sleep(200);
                }
                assertThat(found).contains("\"id\":\"" + firstId + "\"");
            }
        }
    }
}
