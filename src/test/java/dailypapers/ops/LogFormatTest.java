package dailypapers.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The shipped logback.xml, read into a logging context of the test's own, in each format. */
class LogFormatTest {

    private static final URL SHIPPED = LogFormat.class.getResource("/logback.xml");

    @Test
    void jsonWritesOneObjectPerLineThatParsesWithLevelLoggerAndMessage() throws Exception {
        List<String> lines = log(LogFormat.JSON);

        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode info = json.readTree(lines.get(0));
        assertThat(info.get("level").asText()).isEqualTo("INFO");
        assertThat(info.get("loggerName").asText()).isEqualTo("dailypapers.test");
        assertThat(info.get("formattedMessage").asText()).isEqualTo("harvested 17 papers from hf");
        assertThat(info.get("timestamp").asLong()).isPositive();
        assertThat(info.get("mdc").get("source").asText()).isEqualTo("hf");
        JsonNode error = json.readTree(lines.get(1));
        assertThat(error.get("level").asText()).isEqualTo("ERROR");
        assertThat(error.get("throwable").get("className").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("throwable").get("message").asText()).isEqualTo("line one\nline two");
    }

    @Test
    void textWritesThePatternLine() {
        List<String> lines = log(LogFormat.TEXT);

        assertThat(lines.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  \\[.*\\]"
                + " dailypapers\\.test - harvested 17 papers from hf");
        assertThat(lines.get(1)).endsWith("ERROR [main] dailypapers.test - harvest failed");
        // Text puts a trace on lines of its own; JSON keeps it inside the event's one line.
        assertThat(lines.get(2)).isEqualTo("java.lang.IllegalStateException: line one");
    }

    @Test
    void formatsAreParsedFromTheirKeysOnly() {
        assertThat(LogFormat.parse("json")).hasValue(LogFormat.JSON);
        assertThat(LogFormat.parse("text")).hasValue(LogFormat.TEXT);
        assertThat(LogFormat.parse("JSON")).isEmpty();
    }

    /** Logs an info line (with an MDC entry) and an error with a two-line message; returns what reached stderr. */
    private static List<String> log(LogFormat format) {
        PrintStream standardError = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        // A context of one's own needs the MDC that org.slf4j.MDC writes to.
        context.setMDCAdapter(MDC.getMDCAdapter());
        // The console appender takes System.err when it starts, so the stream is swapped before configuring.
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            format.configure(context, SHIPPED);
            assertThat(context.getProperty(LogFormat.CHOSEN)).isEqualTo(format.key());
            Logger logger = context.getLogger("dailypapers.test");
            MDC.put("source", "hf");
            try {
                logger.info("harvested {} papers from {}", 17, "hf");
            } finally {
                MDC.remove("source");
            }
            logger.error("harvest failed", new IllegalStateException("line one\nline two"));
        } finally {
            context.stop();
            System.setErr(standardError);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
