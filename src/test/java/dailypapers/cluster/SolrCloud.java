package dailypapers.cluster;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A real SolrCloud for tests: ZooKeeper and three Solr 9 nodes, each in a JVM of its own, started by
 * {@code scripts/cluster up --only solr} on free loopback ports (the script builds the nodes from {@code cluster/}
 * on first use). {@link #shared()} is one cluster for every test of this JVM, stopped when the JVM exits; a test
 * that kills nodes starts a cluster of its own with {@link #start(String)} and closes it.
 */
public final class SolrCloud implements AutoCloseable {

    /** Nodes are numbered from 1, as in the script: {@code solr-1} to {@code solr-3}. */
    public static final int NODES = 3;

    private static SolrCloud shared;

    private final Path dir;
    private final List<String> urls;

    private SolrCloud(Path dir, List<String> urls) {
        this.dir = dir;
        this.urls = urls;
    }

    /** The cluster every test of this JVM shares; tests keep to collections of their own and kill no node. */
    public static synchronized SolrCloud shared() {
        if (shared == null) {
            shared = start("shared");
            SolrCloud cluster = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stop-solr-cloud"));
        }
        return shared;
    }

    /** A cluster of the caller's own, in {@code target/solr-cloud/NAME-…}; close it. */
    public static SolrCloud start(String name) {
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

    /** Kills node {@code number} (1 to 3) with SIGKILL. */
    public void kill(int number) {
        ClusterScript.run(dir, List.of("kill", "solr-" + number));
    }

    /** Starts node {@code number} again on its port and data. */
    public void startNode(int number) {
        ClusterScript.run(dir, List.of("start", "solr-" + number));
    }

    /** Where the nodes' logs are, for a failing test's message. */
    public Path directory() {
        return dir;
    }

    @Override
    public void close() {
        ClusterScript.run(dir, List.of("down"));
    }
}
