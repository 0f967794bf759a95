package dailypapers.cluster;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path SCRIPT = ROOT.resolve("scripts/cluster");
    private static final long START_TIMEOUT_SECONDS = 600;
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
        Path dir = ROOT.resolve("target/solr-cloud").resolve(name + "-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt()));
        String output = run(dir, List.of("--port-base", Integer.toString(freePortBase()), "up", "--only", "solr"));
        List<String> urls = output.lines().filter(line -> line.startsWith("solr-"))
                .map(line -> line.substring(line.indexOf(' ') + 1).strip()).toList();
        if (urls.size() != NODES) {
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
        run(dir, List.of("kill", "solr-" + number));
    }

    /** Starts node {@code number} again on its port and data. */
    public void startNode(int number) {
        run(dir, List.of("start", "solr-" + number));
    }

    /** Where the nodes' logs are, for a failing test's message. */
    public Path directory() {
        return dir;
    }

    @Override
    public void close() {
        run(dir, List.of("down"));
    }

    private static String run(Path dir, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString(), "--dir", dir.toString()));
        command.addAll(arguments);
        try {
            Files.createDirectories(dir.getParent());
            Path log = Files.createTempFile(dir.getParent(), "cluster-", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " ran past " + START_TIMEOUT_SECONDS + " s; output in " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            if (process.exitValue() != 0) {
                fail(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port base whose cluster ports (base + 1, base + 11 to 13) are all free now. */
    private static int freePortBase() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 20_000 + 50 * ThreadLocalRandom.current().nextInt(800);
            if (IntStream.concat(IntStream.of(base + 1), IntStream.rangeClosed(base + 11, base + 10 + NODES))
                    .allMatch(SolrCloud::isFree)) {
                return base;
            }
        }
        throw new IllegalStateException("no free ports for a SolrCloud after 100 tries");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
