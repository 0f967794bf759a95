package dailypapers.search.solr;

import static org.assertj.core.api.Assertions.fail;

import dailypapers.cluster.SolrCloud;
import dailypapers.search.SolrSettings;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.junit.jupiter.api.Assumptions;

/**
 * The SolrCloud the Solr tests run on: the cluster every test of this JVM shares ({@link SolrCloud#shared()}), or
 * the one {@code DAILYPAPERS_TEST_SOLR_URLS} names (Solr base URLs, comma-separated) to skip starting one. A
 * cluster that cannot be started skips the tests with a message, and fails them under CI.
 */
public final class TestSolr {

    static final String URLS = "DAILYPAPERS_TEST_SOLR_URLS";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestSolr() {
    }

    public static List<URI> urls() {
        String given = System.getenv(URLS);
        if (given != null && !given.isBlank()) {
            return Arrays.stream(given.split(",")).map(String::strip).map(URI::create).toList();
        }
        return shared().urls().stream().map(URI::create).toList();
    }

    private static SolrCloud shared() {
        try {
            return SolrCloud.shared();
        } catch (AssertionError | RuntimeException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but no SolrCloud could be started: " + e.getMessage(), e);
            }
            Assumptions.abort("skipped: no SolrCloud could be started (scripts/cluster up --only solr): "
                    + e.getMessage());
            throw e;
        }
    }

    /** Settings with an alias no other test uses, on the shared cluster. */
    public static SolrSettings settings(String name, int shards, int replicas) {
        return settings(urls(), name, shards, replicas);
    }

    public static SolrSettings settings(List<URI> urls, String name, int shards, int replicas) {
        return new SolrSettings(urls, "test-" + name + "-" + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet(), shards, replicas);
    }

    /** Deletes the alias's collections, live or not, and the alias. */
    public static void drop(SolrSettings settings) {
        try (SolrCluster cluster = new SolrCluster(settings)) {
            List<String> ours = cluster.collections().stream()
                    .filter(c -> c.startsWith(settings.collection() + "_")).toList();
            try {
                CollectionAdminRequest.deleteAlias(settings.collection()).process(cluster.client());
            } catch (RuntimeException | SolrServerException | IOException e) {
                // no alias yet
            }
            ours.forEach(cluster::delete);
        }
    }

    /** Whether {@code condition} holds within {@code limit}, asked every 50 ms: for what another node sees later. */
    public static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
