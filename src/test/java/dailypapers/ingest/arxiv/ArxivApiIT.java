package dailypapers.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.ingest.HarvestException;
import dailypapers.ingest.HarvestFixture;
import dailypapers.ingest.ReplayServer.Reply;
import dailypapers.paper.ArxivId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Single-id lookups and small queries against a loopback server replaying arXiv API feeds. */
class ArxivApiIT {

    private static final String ATOM = "application/atom+xml";
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
        var paper = api.lookup(ArxivId.parse("1611.09520")).orElseThrow().paper();
        assertThat(paper.title()).startsWith("Hierarchical Neural Representation");
        assertThat(fixture.server.requests()).containsExactly("/api/query?id_list=1611.09520&max_results=1");
    }

    @Test
    void anUnknownIdIsEmpty() throws Exception {
        assertThat(api.lookup(ArxivId.parse("2601.00001"))).isEmpty();
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
    void aServerErrorIsRetried() throws Exception {
        fixture.server.failNext(Reply.status(503, Map.of("Retry-After", "3")));
        assertThat(api.lookup(ArxivId.parse("1611.09520"))).isPresent();
        assertThat(fixture.server.requests()).hasSize(2);
    }
}
