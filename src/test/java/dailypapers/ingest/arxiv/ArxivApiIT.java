package dailypapers.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dailypapers.ingest.HarvestException;
import dailypapers.ingest.HarvestFixture;
import dailypapers.ingest.ReplayServer.Reply;
import dailypapers.paper.ArxivId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Single-id lookups and small queries against a loopback server replaying arXiv API feeds. */
class ArxivApiIT {

    private static final String ATOM = "application/atom+xml";
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private HarvestFixture fixture;
    private ArxivApi api;

    @BeforeEach
    void start() {
        fixture = new HarvestFixture();
        api = new ArxivApi(fixture.upstream(HarvestFixture.policy()),
                URI.create(fixture.server.baseUrl() + "/api/query"));
        fixture.server.route(ArxivApiIT::recorded);
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static Reply recorded(URI uri) {
        String query = uri.getQuery();
        try {
            if (query.startsWith("id_list=1611.09520")) {
                return Reply.ok(AtomParserTest.currentLayout(), ATOM);
            }
            if (query.startsWith("id_list=")) {
                return Reply.ok("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>".getBytes(), ATOM);
            }
            int start = query.contains("start=10") ? 10 : query.contains("start=20") ? 20 : 0;
            return Reply.ok(AtomParserTest.recorded(start), ATOM);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSingleIdIsLookedUp() throws Exception {
        var paper = api.lookup(ArxivId.parse("1611.09520"), DEADLINE).orElseThrow().paper();
        assertThat(paper.title()).startsWith("Hierarchical Neural Representation");
        assertThat(fixture.server.requests()).containsExactly("/api/query?id_list=1611.09520&max_results=1");
    }

    @Test
    void anUnknownIdIsEmpty() throws Exception {
        assertThat(api.lookup(ArxivId.parse("2601.00001"), DEADLINE)).isEmpty();
    }

    @Test
    void aQueryPagesThroughResults() throws Exception {
        ArxivApi.Results second = api.search("deep dream", 10, 10);
        assertThat(second.total()).isEqualTo(24617);
        assertThat(second.papers()).hasSize(10);
        assertThat(fixture.server.requests()).containsExactly(
                "/api/query?search_query=deep+dream&start=10&max_results=10");
    }

    @Test
    void anApiErrorIsAClientError() {
        fixture.server.route(uri -> Reply.ok(("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
                + "<id>http://arxiv.org/api/errors#bad</id><title>Error</title><summary>malformed query</summary>"
                + "</entry></feed>").getBytes(), ATOM));
        assertThatThrownBy(() -> api.search("(((", 0, 10)).isInstanceOf(HarvestException.class)
                .hasMessage("arXiv API: malformed query");
    }

    @Test
    void aLookupDoesNotWaitForAHarvestRequestInFlight() throws Exception {
        ArxivApi shared = new ArxivApi(fixture.upstream(HarvestFixture.policy(Duration.ofSeconds(30), 5)),
                URI.create(fixture.server.baseUrl() + "/api/query"));
        fixture.server.failNext(Reply.held(AtomParserTest.recorded(0)));
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<ArxivApi.Results> harvest = threads.submit(() -> shared.search("deep dream", 0, 10));
            fixture.server.awaitRequests(1, Duration.ofSeconds(5));

            var paper = assertTimeoutPreemptively(DEADLINE, () -> shared.lookup(ArxivId.parse("1611.09520"),
                    DEADLINE));

            assertThat(paper).isPresent();
            assertThat(harvest).as("the harvest's request is still in flight").isNotDone();
            fixture.server.releaseHeld();
            assertThat(harvest.get().papers()).hasSize(10);
        }
    }

    @Test
    void aLookupWaitsOutARetryAfterThatEndsBeforeItsDeadline() throws Exception {
        fixture.server.failNext(Reply.status(503, Map.of("Retry-After", "1")));
        assertThat(api.lookup(ArxivId.parse("1611.09520"), DEADLINE)).isPresent();
        assertThat(fixture.server.requests()).hasSize(2);
        assertThat(fixture.sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aLookupGivesUpAtOnceOnARetryAfterBeyondItsDeadline() {
        fixture.server.failNext(Reply.status(503, Map.of("Retry-After", "3")));
        assertThatThrownBy(() -> api.lookup(ArxivId.parse("1611.09520"), DEADLINE))
                .isInstanceOfSatisfying(HarvestException.class,
                        e -> assertThat(e.code()).isEqualTo(HarvestException.Code.BUSY));
        assertThat(fixture.server.requests()).hasSize(1);
        assertThat(fixture.sleeper.sleeps()).isEmpty();
    }
}
