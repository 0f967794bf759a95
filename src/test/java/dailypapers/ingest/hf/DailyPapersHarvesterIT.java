package dailypapers.ingest.hf;

import static dailypapers.ingest.ReplayServer.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.ingest.Checkpoint;
import dailypapers.ingest.CheckpointStore.SourceState;
import dailypapers.ingest.HarvestException;
import dailypapers.ingest.HarvestFixture;
import dailypapers.ingest.HarvestListener;
import dailypapers.ingest.HarvestRunner.Outcome;
import dailypapers.ingest.HttpPolicy;
import dailypapers.ingest.PaperMerge;
import dailypapers.paper.ArxivId;
import dailypapers.paper.FeaturedQuery;
import dailypapers.paper.PaperEntry;
import dailypapers.paper.PaperFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Hugging Face harvester against a loopback server replaying recorded daily_papers responses. */
class DailyPapersHarvesterIT {

    private static final LocalDate DAY_2026 = LocalDate.of(2026, 8, 21);
    private static final LocalDate DAY_2025 = LocalDate.of(2025, 6, 10);
    private static final String JSON = "application/json";

    private HarvestFixture fixture;
    private DailyPapersHarvester harvester;

    @BeforeEach
    void start() {
        fixture = new HarvestFixture();
        harvester = harvester(HarvestFixture.policy());
        fixture.server.route(DailyPapersHarvesterIT::recorded);
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private DailyPapersHarvester harvester(HttpPolicy policy) {
        return new DailyPapersHarvester("hf", fixture.upstream(policy), URI.create(fixture.server.baseUrl()),
                new PaperMerge(fixture.papers), fixture.checkpoints, fixture.clock, 3, 2);
    }

    /** The recorded day for ?date=, in two Link-paged halves for 2025-06-10 (?p=1 is the second); else []. */
    private static Reply recorded(URI uri) {
        String query = uri.getQuery();
        try {
            if (query.contains("date=2026-08-21")) {
                return Reply.ok(DailyPapersParserTest.fixture("2026-08-21"), JSON);
            }
            if (query.contains("date=2025-06-10")) {
                return half(query.contains("p=1") ? 1 : 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Reply.ok("[]".getBytes(), JSON);
    }

    private static Reply half(int part) throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var all = mapper.readTree(DailyPapersParserTest.fixture("2025-06-10"));
        var half = mapper.createArrayNode();
        for (int i = part * 14; i < Math.min(all.size(), part * 14 + 14); i++) {
            half.add(all.get(i));
        }
        Reply reply = Reply.ok(mapper.writeValueAsBytes(half), JSON);
        return part == 0 ? reply.withHeader("Link", "</api/daily_papers?date=2025-06-10&p=1>; rel=\"next\"") : reply;
    }

    private Outcome harvestDay(LocalDate day) {
        return fixture.runner.run("hf", HarvestListener.NONE, l -> harvester.harvestDays(day, day, l));
    }

    private int featuredOn(LocalDate day) {
        return fixture.papers.countFeatured(FeaturedQuery.between(day, day.plusDays(1)));
    }

    private SourceState status() {
        return fixture.checkpoints.sources().stream().filter(s -> s.source().equals("hf")).findFirst().orElseThrow();
    }

    @Test
    void aHarvestedDayIsFeaturedWithUpvotesLinksAndKeywords() {
        Outcome outcome = harvestDay(DAY_2026);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.counts().inserted()).isEqualTo(17);
        assertThat(featuredOn(DAY_2026)).isEqualTo(17);
        PaperEntry entry = fixture.papers.find(ArxivId.parse("2608.19880")).orElseThrow();
        assertThat(entry.upvotes()).isEqualTo(163);
        assertThat(entry.paper().githubRepo()).isEqualTo("https://github.com/google-research/envharness");
        assertThat(entry.paper().aiKeywords()).contains("EnvHarness");
        assertThat(entry.featuring()).hasValueSatisfying(f -> {
            assertThat(f.day()).isEqualTo(DAY_2026);
            assertThat(f.submittedBy()).isEqualTo("hf");
        });
        assertThat(fixture.checkpoints.checkpoint("hf")).contains(new Checkpoint("2026-08-21", null, null));
        assertThat(status().lastSuccessAt()).isEqualTo(HarvestFixture.NOW);
    }

    @Test
    void harvestingADayAgainStoresNothingTwice() {
        harvestDay(DAY_2026);
        Outcome again = harvestDay(DAY_2026);

        assertThat(again.counts().inserted()).isZero();
        assertThat(again.counts().unchanged()).isEqualTo(17);
        assertThat(featuredOn(DAY_2026)).isEqualTo(17);
    }

    @Test
    void linkPagesAreFollowed() {
        Outcome outcome = harvestDay(DAY_2025);

        assertThat(outcome.counts().pages()).isEqualTo(2);
        assertThat(featuredOn(DAY_2025)).isEqualTo(28);
        assertThat(fixture.server.requests()).containsExactly("/api/daily_papers?date=2025-06-10",
                "/api/daily_papers?date=2025-06-10&p=1");
    }

    @Test
    void aCrashAfterTheFirstPageResumesAtTheSecond() {
        HarvestListener crashAfterFirstPage = new HarvestListener() {
            @Override
            public void page(PageProgress progress) {
                throw new IllegalStateException("process killed after page 1 was stored");
            }

            @Override
            public void rejected(String source, String reason) {
            }

            @Override
            public void warned(String source, String reason) {
            }
        };
        Outcome crashed = fixture.runner.run("hf", crashAfterFirstPage,
                l -> harvester.harvestDays(DAY_2025, DAY_2025, l));
        assertThat(crashed.errorCode()).isEqualTo(HarvestException.Code.INTERNAL);
        assertThat(featuredOn(DAY_2025)).isEqualTo(14);
        assertThat(fixture.checkpoints.checkpoint("hf")).hasValueSatisfying(c -> {
            assertThat(c.token()).endsWith("/api/daily_papers?date=2025-06-10&p=1");
            assertThat(c.nextCursor()).isEqualTo("2025-06-10");
        });

        fixture.server.clearRequests();
        Outcome resumed = harvestDay(DAY_2025);

        assertThat(resumed.succeeded()).isTrue();
        assertThat(fixture.server.requests()).containsExactly("/api/daily_papers?date=2025-06-10&p=1");
        assertThat(resumed.counts().inserted()).isEqualTo(14);
        assertThat(featuredOn(DAY_2025)).isEqualTo(28);
        assertThat(fixture.checkpoints.checkpoint("hf")).contains(new Checkpoint("2025-06-10", null, null));
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndRetryAfterIsHonoured() {
        fixture.server.failNext(Reply.status(503, Map.of("Retry-After", "7")), Reply.status(500, Map.of()));

        Outcome outcome = harvestDay(DAY_2026);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(featuredOn(DAY_2026)).isEqualTo(17);
        assertThat(fixture.sleeper.sleeps()).contains(Duration.ofSeconds(7));
        assertThat(fixture.sleeper.sleeps()).anySatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(500),
                Duration.ofSeconds(1)));
    }

    @Test
    void aTimeoutAndAResetConnectionAreRetried() {
        byte[] body = "[]".getBytes();
        fixture.server.failNext(Reply.slow(body), Reply.reset("[{\"paper\": {\"id\": \"2608.1".getBytes()));

        Outcome outcome = harvestDay(DAY_2026);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(fixture.server.requests()).hasSize(3);
        assertThat(featuredOn(DAY_2026)).isEqualTo(17);
    }

    @Test
    void aBodyThatStaysMalformedFailsTheRunAndLeavesTheCheckpoint() {
        harvestDay(DAY_2025);
        Checkpoint before = fixture.checkpoints.checkpoint("hf").orElseThrow();
        byte[] truncated = "[{\"paper\": {\"id\": \"2608.19880\", \"title\": \"Env".getBytes(StandardCharsets.UTF_8);
        fixture.server.failNext(Reply.ok(truncated, JSON), Reply.ok(truncated, JSON), Reply.ok(truncated, JSON));

        Outcome outcome = harvestDay(DAY_2026);

        assertThat(outcome.errorCode()).isEqualTo(HarvestException.Code.MALFORMED_RESPONSE);
        assertThat(featuredOn(DAY_2026)).isZero();
        assertThat(fixture.checkpoints.checkpoint("hf")).contains(before);
        assertThat(status().lastErrorCode()).isEqualTo(HarvestException.Code.MALFORMED_RESPONSE);
        assertThat(status().consecutiveFailures()).isEqualTo(1);

        assertThat(harvestDay(DAY_2026).succeeded()).isTrue();
        assertThat(featuredOn(DAY_2026)).isEqualTo(17);
        assertThat(status().consecutiveFailures()).isZero();
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndClosesAfterItsCooldown() {
        HttpPolicy policy = HarvestFixture.policy();
        harvester = harvester(new HttpPolicy(policy.connectTimeout(), policy.readTimeout(), Duration.ZERO, 2,
                policy.backoffBase(), policy.backoffMax(), policy.maxRetryAfter(), 3, Duration.ofMinutes(30)));
        fixture.server.route(uri -> Reply.status(500, Map.of()));

        assertThat(harvestDay(DAY_2026).errorCode()).isEqualTo(HarvestException.Code.SERVER_ERROR);
        assertThat(harvestDay(DAY_2026).errorCode()).isEqualTo(HarvestException.Code.SERVER_ERROR);
        int requestsWhenOpened = fixture.server.requests().size();
        assertThat(requestsWhenOpened).isEqualTo(3);
        assertThat(harvestDay(DAY_2026).errorCode()).isEqualTo(HarvestException.Code.CIRCUIT_OPEN);
        assertThat(fixture.server.requests()).hasSize(requestsWhenOpened);

        fixture.server.route(DailyPapersHarvesterIT::recorded);
        fixture.clock.advance(Duration.ofMinutes(31));
        assertThat(harvestDay(DAY_2026).succeeded()).isTrue();
        assertThat(featuredOn(DAY_2026)).isEqualTo(17);
    }

    @Test
    void aScheduledRunStartsRecentlyThenRefreshesTheLastDaysAndFillsGaps() throws Exception {
        fixture.runner.run(harvester, HarvestListener.NONE);
        assertThat(fixture.server.requests()).containsExactly("/api/daily_papers?date=2026-08-21",
                "/api/daily_papers?date=2026-08-22");
        assertThat(fixture.checkpoints.checkpoint("hf").orElseThrow().cursor()).isEqualTo("2026-08-22");

        fixture.server.clearRequests();
        fixture.clock.advance(Duration.ofDays(4));
        fixture.runner.run(harvester, HarvestListener.NONE);
        assertThat(fixture.server.requests()).extracting(r -> r.substring(r.indexOf('=') + 1))
                .containsExactly("2026-08-23", "2026-08-24", "2026-08-25", "2026-08-26");

        fixture.server.clearRequests();
        fixture.runner.run(harvester, HarvestListener.NONE);
        assertThat(fixture.server.requests()).extracting(r -> r.substring(r.indexOf('=') + 1))
                .containsExactly("2026-08-24", "2026-08-25", "2026-08-26");
    }

    @Test
    void harvestingKeepsWhatArxivSaidAndAddsTheCommunityData() {
        fixture.papers.upsert(List.of(PaperFixtures.paper().id("2608.19880").title("The arXiv title")
                .categories("cs.AI", "cs.LG").version(2).build()));

        harvestDay(DAY_2026);

        PaperEntry entry = fixture.papers.find(ArxivId.parse("2608.19880")).orElseThrow();
        assertThat(entry.paper().title()).isEqualTo("The arXiv title");
        assertThat(entry.paper().categories()).containsExactly("cs.AI", "cs.LG");
        assertThat(entry.paper().version()).isEqualTo(2);
        assertThat(entry.paper().githubRepo()).isEqualTo("https://github.com/google-research/envharness");
        assertThat(entry.paper().sources()).containsExactly("test", DailyPapersParser.SOURCE);
        assertThat(entry.upvotes()).isEqualTo(163);
        assertThat(entry.featuring()).isPresent();
    }

    @Test
    void hostileTextIsCleanedAndABadLinkIsDroppedWithAWarningKeepingThePaper() {
        LocalDate day = LocalDate.of(2026, 8, 20);
        fixture.server.route(uri -> Reply.ok("""
                [{"paper": {"id": "2608.00001", "title": "Safe\\u0000 \\u0007title \\u202egnp.exe",
                  "summary": "Abs\\ud800tract\\u0085 \\u2066here\\u2069", "authors": [{"name": "Ada\\ufdd0 Lovelace"}],
                  "publishedAt": "2026-08-19T10:00:00.000Z", "upvotes": 5, "ai_keywords": ["LLM\\u001b[31m"],
                  "githubRepo": "javascript:alert(1)", "projectPage": "https://example.org/a b"},
                  "numComments": 0}]""".getBytes(StandardCharsets.UTF_8), JSON));
        List<String> warnings = new java.util.ArrayList<>();
        HarvestListener listener = new HarvestListener() {
            @Override
            public void page(PageProgress progress) {
            }

            @Override
            public void rejected(String source, String reason) {
            }

            @Override
            public void warned(String source, String reason) {
                warnings.add(source + " " + reason);
            }
        };

        Outcome outcome = fixture.runner.run("hf", listener, l -> harvester.harvestDays(day, day, l));

        assertThat(outcome.counts().inserted()).isEqualTo(1);
        assertThat(outcome.counts().rejected()).isZero();
        PaperEntry entry = fixture.papers.find(ArxivId.parse("2608.00001")).orElseThrow();
        assertThat(entry.paper().title()).isEqualTo("Safe title gnp.exe");
        assertThat(entry.paper().abstractText()).isEqualTo("Abs\uFFFDtract here");
        assertThat(entry.paper().authors()).containsExactly("Ada Lovelace");
        assertThat(entry.paper().aiKeywords()).containsExactly("LLM[31m");
        assertThat(entry.paper().githubRepo()).isNull();
        assertThat(entry.paper().projectPage()).isNull();
        assertThat(warnings).containsExactly(
                "hf 2026-08-20 item 0 (2608.00001): field 'paper.githubRepo': not a valid http(s) URL, dropped: "
                        + "'javascript:alert(1)'",
                "hf 2026-08-20 item 0 (2608.00001): field 'paper.projectPage': not a valid http(s) URL, dropped: "
                        + "'https://example.org/a b'");
    }
}
