package dailypapers.cli;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.App;
import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestDatabases;
import dailypapers.paper.PaperRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} in its own JVM with the real embedding model, stopped by SIGTERM while the embedding job loads the
 * model and while it encodes: the shutdown waits for the native work in flight, so the JVM ends normally (once in
 * about twenty stops it used to die with SIGBUS in ONNX Runtime, leaving an hs_err file).
 */
class ShutdownIT {

    private static final String LOADING = "loading the embedding model";
    private static final String LOADED = "loaded the embedding model";
    private static final String STOPPED = "Daily Papers stopped";

    @TempDir
    Path dir;

    @Test
    void sigtermDuringAModelLoadWaitsForTheLoadAndExitsCleanly() throws Exception {
        List<String> output = serveUntil(LOADING);

        assertThat(indexOf(output, LOADED)).as("the model load finished before the JVM went down")
                .isBetween(0, indexOf(output, STOPPED));
    }

    @Test
    void sigtermDuringAnEncodeWaitsForTheBatchAndExitsCleanly() throws Exception {
        List<String> output = serveUntil(LOADED);

        assertThat(indexOf(output, "embedded ")).as("the batch in flight was stored before the JVM went down")
                .isBetween(0, indexOf(output, STOPPED));
    }

    /** Serves papers that have no vector yet, sends SIGTERM once a line containing {@code trigger} is logged. */
    private List<String> serveUntil(String trigger) throws Exception {
        Config config = new Config(dir, TestDatabases.sqlite(dir), "127.0.0.1", 0);
        try (App app = App.open(config, TestApp.FIXED_CLOCK)) {
            List<PaperRecord> papers = IntStream.range(0, 300)
                    .mapToObj(i -> paper().id(String.format("2601.%05d", i + 1))
                            .title("Paper number " + i + " on sparse attention").build())
                    .toList();
            app.feed().papers().upsert(papers);
        }
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", dir.toString(),
                "--database-url", config.database().url(), "serve",
                "--host", "127.0.0.1", "--port", "0")
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of(Config.HARVEST_ENABLED.environmentVariable(), "false",
                Config.THUMBNAIL_ENABLED.environmentVariable(), "false",
                Config.SEARCH_EMBEDDING_THREADS.environmentVariable(), "2"));
        Process server = builder.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            boolean signalled = false;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (!signalled && line.contains(trigger)) {
                    server.toHandle().destroy(); // SIGTERM, leaving the output open to read to its end
                    signalled = true;
                }
            }
            assertThat(signalled).as("the server logged '%s'; output:%n%s", trigger, String.join("\n", output))
                    .isTrue();
        } finally {
            if (!server.waitFor(2, TimeUnit.MINUTES)) {
                server.destroyForcibly();
            }
        }
        String log = String.join("\n", output);
        assertThat(server.exitValue()).as("exit status after SIGTERM; output:%n%s", log).isEqualTo(143);
        assertThat(log).doesNotContain("A fatal error has been detected").contains(STOPPED);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err_pid"));
        }
        return output;
    }

    private static int indexOf(List<String> output, String text) {
        for (int i = 0; i < output.size(); i++) {
            if (output.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
