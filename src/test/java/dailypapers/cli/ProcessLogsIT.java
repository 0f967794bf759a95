package dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.TestPorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real process writes on stderr with the shipped logging configuration: what the libraries log included,
 * which no test inside this JVM sees.
 */
class ProcessLogsIT {

    @TempDir
    Path dir;

    private record Ended(int exitCode, String stderr) {
    }

    private Ended run(Map<String, String> environment, String... arguments) throws IOException,
            InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        // The shipped configuration, not the tests' logback-test.xml, which the test class path would pick first.
        String shipped = Main.class.getResource("/logback.xml").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dlogback.configurationFile=" + shipped, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--data-dir", dir.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Ended(process.exitValue(), stderr);
    }

    /**
     * {@code log.format=json}: every line on stderr is one JSON object, including what libraries log through
     * java.util.logging (Lucene says which vector implementation it found when it first loads).
     */
    @Test
    void everyLogLineIsJsonIncludingJavaUtilLogging() throws Exception {
        Ended reindex = run(Map.of("DAILYPAPERS_LOG_FORMAT", "json"), "reindex");
        assertThat(reindex.exitCode()).as(reindex.stderr()).isZero();

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : reindex.stderr().lines().toList()) {
            assertThat(line).as("a line that is not JSON: " + line).startsWith("{");
            events.add(json.readTree(line));
        }
        assertThat(events).extracting(e -> e.get("loggerName").asText())
                .as("Lucene's java.util.logging record, through the bridge")
                .anyMatch(name -> name.startsWith("org.apache.lucene."))
                .contains("dailypapers.search.SearchIndexer");
    }

    /** SolrJ logs every node it cannot reach with a stack trace; the operator reads one line with the cause. */
    @Test
    void aSolrClusterThatCannotBeReachedIsOneErrorLineWithoutAStackTrace() throws Exception {
        int port = TestPorts.free();
        Map<String, String> solr = Map.of("DAILYPAPERS_SEARCH_ENGINE", "solr", "DAILYPAPERS_SEARCH_SOLR_URLS",
                "http://127.0.0.1:" + port + "/solr", "DAILYPAPERS_SEARCH_MODEL", "none",
                "DAILYPAPERS_HARVEST_ENABLED", "false");

        Ended serve = run(solr, "serve");
        assertThat(serve.exitCode()).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(serve.stderr().lines().filter(line -> !line.startsWith("WARNING: ")))
                .as(serve.stderr()).singleElement().asString()
                .startsWith("error: cannot open the search index on Solr at [http://127.0.0.1:" + port + "/solr]");

        Ended doctor = run(solr, "doctor");
        assertThat(doctor.exitCode()).isEqualTo(DoctorCommand.EXIT_FAILED);
        assertThat(doctor.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
