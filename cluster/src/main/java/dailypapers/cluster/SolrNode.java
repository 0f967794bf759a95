package dailypapers.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * One SolrCloud node on loopback, Solr's own Jetty in this JVM: {@code SolrNode PORT ZKHOST HOME}. Its cores live
 * under HOME, so a node killed and started again on the same HOME and PORT comes back with its replicas. Prints
 * {@code solr ready at http://127.0.0.1:PORT/solr} once it serves, then runs until killed; SIGTERM stops it cleanly.
 */
public final class SolrNode {

    private SolrNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: SolrNode PORT ZKHOST HOME");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path home = Files.createDirectories(Path.of(args[2]).toAbsolutePath());
        Files.writeString(home.resolve("solr.xml"), MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML);
        // The node registers in ZooKeeper under this host, so clients reach it on loopback whatever the machine's name.
        System.setProperty("host", "127.0.0.1");
        System.setProperty("solr.allowPaths", home.toString());
        Properties properties = new Properties();
        properties.setProperty("zkHost", args[1]);
        JettySolrRunner node = new JettySolrRunner(home.toString(), properties,
                JettyConfig.builder().setContext("/solr").setPort(port).stopAtShutdown(true).build());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.stop();
            } catch (Exception e) {
                System.err.println("solr stop: " + e);
            }
        }, "stop-solr"));
        node.start();
        System.out.println("solr ready at " + node.getBaseUrl());
        Thread.currentThread().join();
    }
}
