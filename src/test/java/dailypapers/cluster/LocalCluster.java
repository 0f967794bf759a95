package dailypapers.cluster;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;

/**
 * The whole local cluster of {@code scripts/cluster up}, real processes on loopback: PostgreSQL, ZooKeeper, three
 * Solr nodes, two app nodes and HAProxy in front, loaded with the 1,000-paper sample. Nodes are named as in the
 * script ({@code postgres}, {@code solr-1}, {@code app-2}, {@code haproxy}…). Close it: that stops every process.
 */
public final class LocalCluster implements AutoCloseable {

    /** The ports the script gives the nodes, from the port base: HAProxy, ZooKeeper, PostgreSQL, Solr, apps. */
    private static final int[] PORT_OFFSETS = {0, 1, 2, 11, 12, 13, 21, 22};

    private final Path dir;
    private final int portBase;
    private final String siteUrl;

    private LocalCluster(Path dir, int portBase, String siteUrl) {
        this.dir = dir;
        this.portBase = portBase;
        this.siteUrl = siteUrl;
    }

    /**
     * Starts a cluster in {@code target/solr-cloud/NAME-…}. Without Debian's PostgreSQL or HAProxy the test is
     * skipped with a message; under CI it fails.
     */
    public static LocalCluster start(String name) {
        requireInstalled(Path.of("/usr/lib/postgresql").toFile().isDirectory(), "PostgreSQL", "postgresql");
        requireInstalled(Files.isExecutable(Path.of("/usr/sbin/haproxy")), "HAProxy", "haproxy");
        Path dir = ClusterScript.directory(name);
        int portBase = ClusterScript.freePortBase(IntStream.of(PORT_OFFSETS));
        List<String> lines = ClusterScript.run(dir, List.of("--port-base", Integer.toString(portBase), "up"))
                .lines().toList();
        String siteUrl = lines.getLast().strip();
        if (!siteUrl.equals("http://127.0.0.1:" + portBase)) {
            fail("scripts/cluster up did not end with the site's URL:\n" + String.join("\n", lines));
        }
        return new LocalCluster(dir, portBase, siteUrl);
    }

    private static void requireInstalled(boolean installed, String what, String debianPackage) {
        if (!installed) {
            if ("true".equals(System.getenv("CI"))) {
                fail(what + " is missing under CI: apt-get install " + debianPackage);
            }
            Assumptions.abort("skipped: the local cluster needs " + what + " (apt-get install " + debianPackage + ")");
        }
    }

    /** The site through HAProxy. */
    public String siteUrl() {
        return siteUrl;
    }

    /** One app node's own address, {@code app-1} or {@code app-2}, bypassing HAProxy. */
    public String appUrl(int number) {
        return "http://127.0.0.1:" + (portBase + 20 + number);
    }

    /** Solr node {@code number} (1 to 3), {@code http://127.0.0.1:PORT/solr}. */
    public String solrUrl(int number) {
        return "http://127.0.0.1:" + (portBase + 10 + number) + "/solr";
    }

    /** The cluster's PostgreSQL database, as JDBC sees it (user postgres, no password). */
    public String databaseUrl() {
        return "jdbc:postgresql://127.0.0.1:" + (portBase + 2) + "/dailypapers";
    }

    /** Kills the nodes with SIGKILL, as a crash would. */
    public void kill(String... nodes) {
        ClusterScript.run(dir, command("kill", nodes));
    }

    /** Stops NODE cleanly. */
    public void stop(String node) {
        ClusterScript.run(dir, List.of("stop", node));
    }

    /** Starts the nodes again with their data and ports, together. */
    public void startNodes(String... nodes) {
        ClusterScript.run(dir, command("start", nodes));
    }

    private static List<String> command(String name, String... nodes) {
        List<String> command = new ArrayList<>(List.of(name));
        command.addAll(List.of(nodes));
        return command;
    }

    /** Runs {@code ./dailypapers ARGUMENTS} on the cluster's database, with {@code input} on standard input. */
    public String cli(String input, String... arguments) {
        return ClusterScript.run(dir, command("cli", arguments), input);
    }

    /** The cluster's directory: each node's data, log (NODE.log) and pid while it runs. */
    public Path directory() {
        return dir;
    }

    /** Where the nodes' logs are kept once the cluster is closed, for a failing test's message. */
    public Path logDirectory() {
        return dir.resolveSibling(dir.getFileName() + "-logs");
    }

    /** Stops every process and deletes the data; the nodes' logs stay in {@link #logDirectory()}. */
    @Override
    public void close() {
        Path logs = logDirectory();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.log")) {
            Files.createDirectories(logs);
            for (Path file : files) {
                Files.copy(file, logs.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("cannot keep the cluster's logs in " + logs + ": " + e);
        }
        ClusterScript.run(dir, List.of("down"));
    }
}
