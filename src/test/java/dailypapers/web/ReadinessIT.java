package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestDatabases;
import dailypapers.TestPorts;
import dailypapers.ingest.ReplayServer;
import dailypapers.job.JobScheduler;
import dailypapers.store.DatabaseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /readyz} on a real server: each dependency by name, 503 only when the node cannot serve (its database or
 * index is down), 200 with the dependency named when mail or an upstream is down.
 */
class ReadinessIT {

    private static final ObjectMapper json = new ObjectMapper();
    /** Background checks (SMTP, recorded harvests) report on a later probe than the one that started them. */
    private static final Duration SETTLE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aNodeWithItsDatabaseAndIndexIsReadyAndNamesBoth() throws Exception {
        try (TestApp app = TestApp.start(TestDatabases.sqlite(dir), dir)) {
            HttpResponse<String> response = app.get("/readyz");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonNode body = json.readTree(response.body());
            assertThat(body.get("status").asText()).isEqualTo("ready");
            assertThat(body.get("checks").get("database").get("status").asText()).isEqualTo("up");
            assertThat(body.get("checks").get("index").get("status").asText()).isEqualTo("up");
            // Without an SMTP host mail is written to files, and harvesting is off here: neither is a dependency.
            assertThat(body.get("checks").has("smtp")).isFalse();
            assertThat(body.get("checks").fieldNames()).toIterable().noneMatch(name -> name.startsWith("upstream:"));
        }
    }

    @Test
    void aDatabaseThatGoesAwayMakesTheNodeUnavailableAndSaysSo() throws Exception {
        DatabaseConfig database = TestDatabases.freshPostgres();
        try (TestApp app = TestApp.start(database, dir)) {
            assertThat(app.get("/readyz").statusCode()).isEqualTo(200);

            // The database is really gone: its connections are ended and new ones are refused.
            TestDatabases.dropPostgres(database);

            HttpResponse<String> response = awaitReadyz(app, r -> r.statusCode() == 503);
            JsonNode body = json.readTree(response.body());
            assertThat(body.get("status").asText()).isEqualTo("unavailable");
            JsonNode down = body.get("checks").get("database");
            assertThat(down.get("status").asText()).isEqualTo("down");
            assertThat(down.get("error").asText()).isNotBlank();
            assertThat(body.get("checks").get("index").get("status").asText()).isEqualTo("up");
            assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception:");
        }
    }

    @Test
    void anIndexThatIsClosedMakesTheNodeUnavailable() throws Exception {
        try (TestApp app = TestApp.start(TestDatabases.sqlite(dir), dir)) {
            app.app().search().index().close();

            HttpResponse<String> response = app.get("/readyz");

            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode index = json.readTree(response.body()).get("checks").get("index");
            assertThat(index.get("status").asText()).isEqualTo("down");
            assertThat(index.get("error").asText()).isEqualTo("the index is closed");
        }
    }

    @Test
    void anSmtpServerThatRefusesConnectionsDegradesTheNodeWhichKeepsServing() throws Exception {
        int closedPort = TestPorts.free();
        try (TestApp app = TestApp.start(config(Map.of(Config.MAIL_SMTP_HOST.key(), "127.0.0.1",
                Config.MAIL_SMTP_PORT.key(), Integer.toString(closedPort), Config.MAIL_SMTP_SECURITY.key(), "none",
                Config.MAIL_SMTP_PASSWORD.key(), "hunter2-secret", Config.MAIL_SMTP_USER.key(), "papers",
                Config.MAIL_SMTP_TIMEOUT_SECONDS.key(), "2")))) {
            HttpResponse<String> response = awaitReadyz(app, r -> smtpState(r).equals("down"));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = json.readTree(response.body());
            assertThat(body.get("status").asText()).isEqualTo("degraded");
            assertThat(body.get("checks").get("smtp").get("error").asText()).contains("127.0.0.1")
                    .contains(Integer.toString(closedPort));
            assertThat(response.body()).doesNotContain("hunter2-secret").doesNotContain("\tat ");
            assertThat(app.get("/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anSmtpServerThatAnswersIsUp() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try (TestApp app = TestApp.start(config(Map.of(Config.MAIL_SMTP_HOST.key(), "127.0.0.1",
                Config.MAIL_SMTP_PORT.key(), Integer.toString(server.getSmtp().getPort()),
                Config.MAIL_SMTP_SECURITY.key(), "none")))) {
            HttpResponse<String> response = awaitReadyz(app, r -> !smtpState(r).equals("unknown"));

            assertThat(smtpState(response)).isEqualTo("up");
            assertThat(json.readTree(response.body()).get("status").asText()).isEqualTo("ready");
            // The check connects and lets go; it sends nothing.
            assertThat(server.getReceivedMessages()).isEmpty();
        } finally {
            server.stop();
        }
    }

    @Test
    void anUpstreamThatKeepsFailingIsNamedWithItsCircuitAndTheNodeStaysInService() throws Exception {
        try (ReplayServer upstream = ReplayServer.start()) {
            upstream.route(uri -> ReplayServer.Reply.status(503, Map.of()));
            Map<String, String> settings = new HashMap<>();
            settings.put(Config.HARVEST_HF_URL.key(), upstream.baseUrl());
            settings.put(Config.HARVEST_ARXIV_OAI_URL.key(), upstream.baseUrl() + "/oai2");
            settings.put(Config.HARVEST_ARXIV_SETS.key(), "cs");
            settings.put(Config.HARVEST_HF_DELAY_MS.key(), "0");
            settings.put(Config.HARVEST_RETRY_ATTEMPTS.key(), "2");
            settings.put(Config.HARVEST_RETRY_BACKOFF_MS.key(), "0");
            settings.put(Config.HARVEST_CIRCUIT_FAILURES.key(), "2");
            Config harvesting = Config.load(null, Map.of(), settings);
            try (TestApp app = TestApp.start(new Config(dir, TestDatabases.sqlite(dir), "127.0.0.1", 0)
                    .withHarvest(harvesting.harvest()))) {
                assertThat(app.app().jobs().runNow("harvest:hf")).isEqualTo(JobScheduler.Outcome.RAN);

                HttpResponse<String> response = awaitReadyz(app,
                        r -> check(r, "upstream:hf").path("consecutiveFailures").asInt() > 0);

                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode body = json.readTree(response.body());
                assertThat(body.get("status").asText()).isEqualTo("degraded");
                JsonNode hf = body.get("checks").get("upstream:hf");
                assertThat(hf.get("status").asText()).isEqualTo("down");
                assertThat(hf.get("upstream").asText()).isEqualTo("huggingface.co");
                assertThat(hf.get("circuit").asText()).isEqualTo("open");
                assertThat(hf.get("circuitOpenUntil").asText()).isNotBlank();
                assertThat(hf.get("lastError").asText()).isEqualTo("server_error");
                JsonNode arxiv = body.get("checks").get("upstream:arxiv:cs");
                assertThat(arxiv.get("status").asText()).isEqualTo("up");
                assertThat(arxiv.get("circuit").asText()).isEqualTo("closed");
                assertThat(body.get("checks").get("database").get("status").asText()).isEqualTo("up");
            }
        }
    }

    /** Settings as an operator writes them, on a SQLite file in the test's directory, harvesting off. */
    private Config config(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(more);
        settings.put(Config.DATA_DIR.key(), dir.toString());
        settings.put(Config.HTTP_HOST.key(), "127.0.0.1");
        settings.put(Config.HTTP_PORT.key(), "0");
        settings.put(Config.HARVEST_ENABLED.key(), "false");
        settings.put(Config.SEARCH_MODEL.key(), "none");
        return Config.load(null, Map.of(), settings);
    }

    private static HttpResponse<String> awaitReadyz(TestApp app, Predicate<HttpResponse<String>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        HttpResponse<String> response = app.get("/readyz");
        while (!done.test(response) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            response = app.get("/readyz");
        }
        assertThat(done.test(response)).as("/readyz never got there: " + response.body()).isTrue();
        return response;
    }

    private static String smtpState(HttpResponse<String> response) {
        return check(response, "smtp").path("status").asText();
    }

    private static JsonNode check(HttpResponse<String> response, String name) {
        try {
            return json.readTree(response.body()).path("checks").path(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
