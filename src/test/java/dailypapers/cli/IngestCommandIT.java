package dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.Config;
import dailypapers.TestData;
import dailypapers.ingest.IngestModule;
import dailypapers.job.JobScheduler;
import dailypapers.store.Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dailypapers.ingest.ReplayServer;
import dailypapers.ingest.ReplayServer.Reply;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dailypapers ingest …} against loopback servers replaying recorded upstream responses. */
class IngestCommandIT {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private ReplayServer server;
    private Path config;

    @BeforeEach
    void start() throws IOException {
        server = ReplayServer.start();
        byte[] oai = TestData.recorded("arxiv-oai/arXiv-ListRecords-physics-hep-th.xml");
        byte[] day = TestData.recorded("hf-daily-papers/daily_papers-2026-08-21.json");
        server.route(uri -> {
            if (uri.getPath().equals("/oai2")) {
                return Reply.ok(oai, "text/xml");
            }
            if (uri.getPath().equals("/api/daily_papers") && uri.getQuery().equals("date=2026-08-21")) {
                return Reply.ok(day, "application/json");
            }
            return Reply.ok("[]".getBytes(), "application/json");
        });
        config = dir.resolve("harvest.properties");
        Files.writeString(config, String.join("\n",
                "data.dir=" + dir.resolve("data"),
                "harvest.hf.url=" + server.baseUrl(),
                "harvest.arxiv.oai.url=" + server.baseUrl() + "/oai2",
                "harvest.arxiv.api.url=" + server.baseUrl() + "/api/query",
                "harvest.hf.delay.ms=0",
                "harvest.arxiv.delay.ms=0",
                "harvest.retry.attempts=2",
                "harvest.retry.backoff.ms=0",
                "harvest.http.read.timeout.seconds=2", ""));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @Test
    void ingestWaitsItsTurnWhileAServerHarvestsTheSameSource() throws Exception {
        assertThat(run("ingest", "hf", "--date", "2026-08-21")).isZero(); // creates and migrates the database
        Config settings = Config.load(config, Map.of(), Map.of());
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Database database = Database.open(settings.database(), new SimpleMeterRegistry());
                JobScheduler server = new JobScheduler(database.leases(), JobScheduler.DEFAULT_LEASE)) {
            Thread harvesting = Thread.ofPlatform().start(() -> server.runExclusive(IngestModule.jobName("hf"),
                    () -> {
                        holding.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return null;
                    }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(run("ingest", "hf", "--date", "2026-08-21")).isEqualTo(Main.EXIT_STARTUP_FAILED);
            assertThat(err.toString()).contains("error: hf is already being harvested");

            release.countDown();
            harvesting.join();
        }
        assertThat(run("ingest", "hf", "--date", "2026-08-21")).as("its turn once the lease is free").isZero();
    }

    @Test
    void ingestHfForADayPrintsWhatItStored() {
        assertThat(run("ingest", "hf", "--date", "2026-08-21")).isZero();
        assertThat(out.toString()).contains("hf: 1 pages, received 17, inserted 17");

        assertThat(run("ingest", "hf", "--date", "2026-08-21")).isZero();
        assertThat(out.toString()).contains("inserted 0, updated 0, unchanged 17");
    }

    @Test
    void ingestHfSinceADayWalksEveryDayToToday() {
        assertThat(run("ingest", "hf", "--since", java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2)
                .toString())).isZero();
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aFailingUpstreamIsOneErrorLineAndExitCodeOne() {
        server.route(uri -> Reply.status(500, Map.of()));
        assertThat(run("ingest", "hf", "--date", "2026-08-21")).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(err.toString()).contains("error: hf failed (SERVER_ERROR)").doesNotContain("\tat ");
    }

    @Test
    void ingestArxivHarvestsEachSetFromTheDate() {
        assertThat(run("ingest", "arxiv", "--from", "2017-12-14", "--set", "hep-th", "--set", "math.MP")).isZero();
        assertThat(out.toString()).contains("arxiv:hep-th: 1 pages, received 3, inserted 3")
                .contains("arxiv:math.MP: 1 pages, received 3, inserted 0, updated 0, unchanged 2, rejected 0, "
                        + "deleted upstream 0, filtered out 1");
        assertThat(server.requests()).containsExactly(
                "/oai2?verb=ListRecords&metadataPrefix=arXivRaw&set=physics%3Ahep-th&from=2017-12-14",
                "/oai2?verb=ListRecords&metadataPrefix=arXivRaw&set=math&from=2017-12-14");
    }

    @Test
    void aBadSetIsAClearError() {
        assertThat(run("ingest", "arxiv", "--set", "cs;x")).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(err.toString()).isEqualTo("error: harvest.arxiv.sets must name arXiv sets or categories such as"
                + " cs, stat.ML or physics:hep-th, got 'cs;x'" + System.lineSeparator());
    }

    @Test
    void ingestNeedsASource() {
        assertThat(run("ingest")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required subcommand").contains("hf").contains("arxiv");
    }

    @Test
    void hfNeedsADateOrASince() {
        assertThat(run("ingest", "hf")).isEqualTo(2);
        assertThat(err.toString()).contains("--date").contains("--since");
    }
}
