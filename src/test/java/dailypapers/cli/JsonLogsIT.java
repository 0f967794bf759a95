package dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code log.format=json} as a real process writes it: every line on stderr is one JSON object, including what
 * libraries log through java.util.logging (Lucene says which vector implementation it found when it first loads).
 */
class JsonLogsIT {

    @TempDir
    Path dir;

    @Test
    void everyLogLineIsJsonIncludingJavaUtilLogging() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        // The shipped configuration, not the tests' logback-test.xml, which the test class path would pick first.
        String shipped = Main.class.getResource("/logback.xml").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-Dlogback.configurationFile=" + shipped, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--data-dir", dir.toString(), "reindex");
        builder.environment().put("DAILYPAPERS_LOG_FORMAT", "json");
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stderr).isZero();

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : stderr.lines().toList()) {
            assertThat(line).as("a line that is not JSON: " + line).startsWith("{");
            events.add(json.readTree(line));
        }
        assertThat(events).extracting(e -> e.get("loggerName").asText())
                .as("Lucene's java.util.logging record, through the bridge")
                .anyMatch(name -> name.startsWith("org.apache.lucene."))
                .contains("dailypapers.search.SearchIndexer");
    }
}
