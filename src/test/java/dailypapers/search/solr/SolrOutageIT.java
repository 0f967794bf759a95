package dailypapers.search.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestData;
import dailypapers.cluster.SolrCloud;
import dailypapers.search.Hit;
import dailypapers.search.IndexUnavailableException;
import dailypapers.search.KeywordQuery;
import dailypapers.search.ResultOrder;
import dailypapers.search.SearchDocument;
import dailypapers.search.SolrSettings;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Solr nodes killed under a running index, on a cluster of this class's own: a node down with replicas left
 * changes nothing; every node down is a fault that readiness reports and searches answer as unavailable, fast,
 * until the nodes are back.
 */
class SolrOutageIT {

    /** The health check runs every watch interval; a fault shows within a few, on a busy machine. */
    private static final Duration NOTICED_WITHIN = SolrSearchIndex.WATCH_INTERVAL.multipliedBy(10);
    /** Restarted nodes load their cores and elect leaders again. */
    private static final Duration RECOVERED_WITHIN = Duration.ofMinutes(2);

    private static SolrCloud cloud;

    @TempDir
    Path dir;

    @BeforeAll
    static void startCluster() {
        cloud = TestSolr.own("outage");
    }

    @AfterAll
    static void stopCluster() {
        if (cloud != null) {
            cloud.close();
        }
    }

    private final Set<Integer> killed = new TreeSet<>();

    private void kill(int... nodes) {
        for (int node : nodes) {
            cloud.kill(node);
            killed.add(node);
        }
    }

    private void killAll() {
        kill(IntStream.rangeClosed(1, SolrCloud.NODES).toArray());
    }

    /** Every node this test killed runs again, before the test checks recovery or the next test starts. */
    @AfterEach
    void startKilledNodes() {
        killed.forEach(cloud::startNode);
        killed.clear();
    }

    private static SolrSettings settings(String name) {
        return TestSolr.settings(cloud.urls().stream().map(URI::create).toList(), name, 2, 2);
    }

    private static List<String> ids(SolrSearchIndex index, String words) {
        return index.keyword(KeywordQuery.text(words), ResultOrder.RELEVANCE, 0, 100).hits().stream()
                .map(Hit::id).toList();
    }

    private static boolean answers(SolrSearchIndex index) {
        try {
            return ids(index, "pulsar").size() == 20;
        } catch (IndexUnavailableException e) {
            return false;
        }
    }

    private static void indexPulsars(SolrSearchIndex index) {
        List<SearchDocument> documents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            documents.add(SearchDocument.text("p" + i, "pulsar timing " + i, "", null));
        }
        index.upsert(documents);
        index.commit();
    }

    @Test
    void aKilledNodeLeavesEveryShardServedByItsOtherReplica() throws InterruptedException {
        try (SolrSearchIndex index = SolrSearchIndex.open(settings("one-down"), 2)) {
            indexPulsars(index);
            kill(1);
            assertThat(ids(index, "pulsar")).hasSize(20);
            Thread.sleep(SolrSearchIndex.WATCH_INTERVAL.multipliedBy(3).toMillis());
            assertThat(index.fault()).isEmpty();
            assertThat(ids(index, "timing")).hasSize(20);
        }
    }

    @Test
    void withEveryNodeDownSearchesFailFastAsUnavailableAndTheFaultClearsWhenTheyReturn()
            throws InterruptedException {
        try (SolrSearchIndex index = SolrSearchIndex.open(settings("all-down"), 2)) {
            indexPulsars(index);
            killAll();
            assertThat(TestSolr.within(NOTICED_WITHIN, () -> index.fault().isPresent())).isTrue();
            assertThat(index.fault().get()).startsWith("Solr at " + cloud.urls() + " cannot serve searches: ");
            long started = System.nanoTime();
            assertThatThrownBy(() -> ids(index, "pulsar")).isInstanceOf(IndexUnavailableException.class)
                    .hasMessageStartingWith("search is unavailable: cannot search on Solr: ");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no hang")
                    .isLessThan(SolrCluster.CONNECT_TIMEOUT.multipliedBy(2));

            startKilledNodes();
            assertThat(TestSolr.within(RECOVERED_WITHIN, () -> index.fault().isEmpty() && answers(index))).isTrue();
        }
    }

    @Test
    void aServerOnSolrAnswers503WhileSolrIsDownAndRecoversWithoutARestart() throws InterruptedException {
        SolrSettings solr = settings("serve");
        Config config = Config.load(null, Map.of(), Map.of(Config.DATA_DIR.key(), dir.toString(),
                Config.DATABASE_URL.key(), "jdbc:sqlite:" + dir.resolve("dailypapers.db"), Config.HTTP_HOST.key(),
                "127.0.0.1", Config.HTTP_PORT.key(), "0", Config.HARVEST_ENABLED.key(), "false",
                Config.SEARCH_MODEL.key(), "none", Config.SEARCH_ENGINE.key(), "solr",
                Config.SEARCH_SOLR_URLS.key(), String.join(",", cloud.urls()),
                Config.SEARCH_SOLR_COLLECTION.key(), solr.collection()));
        try (TestApp app = TestApp.start(config)) {
            app.importFile(TestData.sample());
            assertThat(app.get("/api/papers/search?q=language+models").statusCode()).isEqualTo(200);
            assertThat(app.get("/readyz").statusCode()).isEqualTo(200);

            killAll();
            assertThat(TestSolr.within(NOTICED_WITHIN, () -> app.get("/readyz").statusCode() == 503)).isTrue();
            assertThat(app.get("/readyz").body()).contains("\"index\"").contains("cannot serve searches");
            HttpResponse<String> api = app.get("/api/papers/search?q=diffusion");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.body()).contains("search_unavailable").doesNotContain("\tat ", "Exception");
            HttpResponse<String> page = app.get("/search?q=transformers");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("Search is unavailable right now").doesNotContain("\tat ");

            startKilledNodes();
            assertThat(TestSolr.within(RECOVERED_WITHIN, () -> app.get("/readyz").statusCode() == 200
                    && app.get("/api/papers/search?q=graph+neural").statusCode() == 200)).isTrue();
        } finally {
            TestSolr.drop(solr);
        }
    }
}
