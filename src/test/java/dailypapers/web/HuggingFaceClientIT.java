package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.SharedData;
import dailypapers.TestApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hugging Face's own Python client (huggingface_hub, from ../shared/tools) pointed at our server by its endpoint
 * setting, as a user switching by base URL would: a paper, a day, a search, and the errors it reports for ids that
 * name no paper. Skipped with a message where Python or the client is missing.
 */
class HuggingFaceClientIT {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String MODULES = "httpx, filelock, tqdm, yaml, packaging, typing_extensions";
    /** Prints one JSON object: what each call returned, or the error class and status it raised. */
    private static final String SCRIPT = """
            import json, sys
            from huggingface_hub import HfApi
            from huggingface_hub.errors import HfHubHTTPError
            api = HfApi(endpoint=sys.argv[1])
            def outcome(call):
                try:
                    return call()
                except HfHubHTTPError as e:
                    return {"error": type(e).__name__, "status": e.response.status_code, "message": str(e)}
            print(json.dumps({
                "known": outcome(lambda: api.paper_info("2401.03462").title),
                "unknown": outcome(lambda: api.paper_info("2101.99999")),
                "malformed": outcome(lambda: api.paper_info("not-an-id")),
                "day": outcome(lambda: [p.id for p in api.list_daily_papers(date="2026-08-21")]),
                "search": outcome(lambda: [p.id for p in api.list_papers(query="arXiv:2401.03462")]),
            }))
            """;

    private static TestApp app;
    private static JsonNode outcomes;

    @BeforeAll
    static void run() throws IOException, InterruptedException {
        Path client = SharedData.huggingFaceHub();
        requirePythonModules();
        app = TestApp.withSample();
        ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), "-c", SCRIPT, app.baseUrl())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PYTHONPATH", client.toAbsolutePath().toString());
        builder.environment().put("HF_HUB_DISABLE_TELEMETRY", "1");
        Process python = builder.start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(output).isZero();
        outcomes = new ObjectMapper().readTree(output);
    }

    /** The client's imports, from Debian's packages (see its README); required under CI, which installs them. */
    private static void requirePythonModules() throws IOException, InterruptedException {
        String missing;
        if (!Files.isExecutable(PYTHON)) {
            missing = "no " + PYTHON;
        } else {
            Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import " + MODULES)
                    .redirectErrorStream(true).start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            missing = probe.waitFor() == 0 ? null : output.lines().reduce((a, b) -> b).orElse("import failed");
        }
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but Hugging Face's client cannot run (" + missing + "): .ci/run must install "
                        + "python3-httpx and the other modules its README names");
            }
            Assumptions.abort("skipped: Hugging Face's client cannot run (" + missing + "); apt-get install "
                    + "python3-httpx python3-filelock python3-tqdm python3-yaml");
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void readsAPaperADayAndASearch() {
        assertThat(outcomes.get("known").asText()).isNotBlank();
        assertThat(outcomes.get("day").size()).isPositive();
        assertThat(outcomes.get("search").get(0).asText()).isEqualTo("2401.03462");
    }

    @Test
    void anIdThatNamesNoPaperIsNotFoundMalformedOrNot() {
        for (String call : new String[] {"unknown", "malformed"}) {
            JsonNode error = outcomes.get(call);
            assertThat(error.get("status").asInt()).as(call).isEqualTo(404);
            assertThat(error.get("error").asText()).as(call).isNotEqualTo("BadRequestError");
        }
        assertThat(outcomes.get("malformed").get("message").asText()).contains("not an arXiv id");
    }
}
