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
 * Runs {@code scripts/cluster} for the test fixtures ({@link SolrCloud}, {@link LocalCluster}): the script does the
 * orchestration, the fixtures only call it and read what it prints.
 */
final class ClusterScript {

    static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path SCRIPT = ROOT.resolve("scripts/cluster");
    private static final long TIMEOUT_SECONDS = 600;
    /**
     * The nodes' JVMs compile with C1 only: a test's nodes live minutes, and C2's compiling would take the CPU that
     * the nodes' starts and the other test classes need.
     */
    private static final String JVM_OPTIONS = "-XX:TieredStopAtLevel=1";

    private ClusterScript() {
    }

    /** A fresh directory for a cluster, {@code target/solr-cloud/NAME-…}. */
    static Path directory(String name) {
        return ROOT.resolve("target/solr-cloud").resolve(name + "-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt()));
    }

    /**
     * Runs the script on the cluster in {@code dir} and returns its standard output (what it reports); its standard
     * error (progress, the build's output) goes in a failure's message. A failure fails the test.
     */
    static String run(Path dir, List<String> arguments) {
        return run(dir, arguments, "");
    }

    /** As {@link #run(Path, List)}, with {@code input} on the script's standard input. */
    static String run(Path dir, List<String> arguments, String input) {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString(), "--dir", dir.toString()));
        command.addAll(arguments);
        try {
            Files.createDirectories(dir.getParent());
            Path out = Files.createTempFile(dir.getParent(), "cluster-", ".out");
            Path err = Files.createTempFile(dir.getParent(), "cluster-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putIfAbsent("DAILYPAPERS_CLUSTER_JVM_OPTIONS", JVM_OPTIONS);
            Process process = builder.start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " ran past " + TIMEOUT_SECONDS + " s; output in " + out + " and "
                        + err);
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            String errors = Files.readString(err, StandardCharsets.UTF_8);
            Files.delete(out);
            Files.delete(err);
            if (process.exitValue() != 0) {
                fail(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + output + errors);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port base whose ports at every one of {@code offsets} are free now. */
    static int freePortBase(IntStream offsets) {
        int[] used = offsets.toArray();
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 20_000 + 50 * ThreadLocalRandom.current().nextInt(800);
            if (IntStream.of(used).allMatch(offset -> isFree(base + offset))) {
                return base;
            }
        }
        throw new IllegalStateException("no free ports for a cluster after 100 tries");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
