package dailypapers.cluster;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A real SolrCloud for tests: ZooKeeper and three Solr 9 nodes, each in a JVM of its own, started by
 * {@code scripts/cluster up --only solr} on free loopback ports (the script builds the nodes from {@code cluster/}
 * on first use), one for every test of this JVM, stopped when the JVM exits. Tests that kill nodes do it on
 * {@link LocalCluster}, in {@link FailoverIT}.
 */
public final class SolrCloud implements AutoCloseable {

    /** As in the script: {@code solr-1} to {@code solr-3}. */
    private static final int NODES = 3;

    private static SolrCloud shared;

    private final Path dir;
    private final List<String> urls;

    private SolrCloud(Path dir, List<String> urls) {
        this.dir = dir;
        this.urls = urls;
    }

    /** The cluster every test of this JVM shares; tests keep to collections of their own. */
    public static synchronized SolrCloud shared() {
        if (shared == null) {
            shared = start("shared");
            SolrCloud cluster = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stop-solr-cloud"));
        }
        return shared;
    }

    private static SolrCloud start(String name) {
        Path dir = ClusterScript.directory(name);
        int portBase = ClusterScript.freePortBase(IntStream.concat(IntStream.of(1),
                IntStream.rangeClosed(11, 10 + NODES)));
        String output = ClusterScript.run(dir, List.of("--port-base", Integer.toString(portBase), "up", "--only",
                "solr"));
        List<String> urls = output.lines().filter(line -> line.startsWith("solr-"))
                .map(line -> line.substring(line.indexOf(' ') + 1).strip()).toList();
        if (urls.size() != NODES) {
            ClusterScript.run(dir, List.of("down"));
            fail("scripts/cluster up printed " + urls + ", not " + NODES + " Solr nodes:\n" + output);
        }
        return new SolrCloud(dir, urls);
    }

    /** Every node's base URL, {@code http://127.0.0.1:PORT/solr}, in node order. */
    public List<String> urls() {
        return urls;
    }

    @Override
    public void close() {
        ClusterScript.run(dir, List.of("down"));
    }
}
