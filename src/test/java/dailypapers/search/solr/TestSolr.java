package dailypapers.search.solr;

import static org.assertj.core.api.Assertions.fail;

import dailypapers.cluster.SolrCloud;
import dailypapers.search.SolrSettings;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The SolrCloud the Solr tests run on: the cluster every test of this JVM shares ({@link SolrCloud#shared()}), or
 * the one {@code DAILYPAPERS_TEST_SOLR_URLS} names (Solr base URLs, comma-separated) to skip starting one. A
 * cluster that cannot be started skips the tests with a message, and fails them under CI.
 */
final class TestSolr {

    static final String URLS = "DAILYPAPERS_TEST_SOLR_URLS";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestSolr() {
    }

    static List<URI> urls() {
        String given = System.getenv(URLS);
        if (given != null && !given.isBlank()) {
            return Arrays.stream(given.split(",")).map(String::strip).map(URI::create).toList();
        }
        try {
            return SolrCloud.shared().urls().stream().map(URI::create).toList();
        } catch (AssertionError | RuntimeException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but no SolrCloud could be started: " + e.getMessage(), e);
            }
            Assumptions.abort("skipped: no SolrCloud could be started (scripts/cluster up --only solr), nor is "
                    + URLS + " set: " + e.getMessage());
            throw e;
        }
    }

    /** Settings with an alias no other test uses, on the shared cluster. */
    static SolrSettings settings(String name, int shards, int replicas) {
        return settings(urls(), name, shards, replicas);
    }

    static SolrSettings settings(List<URI> urls, String name, int shards, int replicas) {
        return new SolrSettings(urls, "test-" + name + "-" + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet(), shards, replicas);
    }

    /** Deletes the alias's collections, live or not, and the alias. */
    static void drop(SolrSettings settings) {
        try (SolrCluster cluster = new SolrCluster(settings)) {
            List<String> ours = cluster.collections().stream()
                    .filter(c -> c.startsWith(settings.collection() + "_")).toList();
            try {
                cluster.deleteAlias();
            } catch (RuntimeException e) {
                // no alias yet
            }
            ours.forEach(cluster::delete);
        }
    }
}
