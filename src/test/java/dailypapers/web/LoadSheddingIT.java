package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Overload is shed, not queued without bound: with every worker taken and the queue full, a request is answered
 * 503 with Retry-After at once; one that waits longer than the queue's timeout gets the same; the probes still
 * answer; a connection that stalls loses its place. A worker is held here by a form whose body never finishes
 * arriving: the form-token check reads it before any handler runs.
 */
class LoadSheddingIT {

    private TestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aRequestBeyondTheBusyWorkersAndAFullQueueIsA503WithRetryAfterAndTheProbesStillAnswer() throws Exception {
        start(new ServerLimits(1, 0, Duration.ofSeconds(5), Duration.ofSeconds(20)));
        assertThat(app.get("/").statusCode()).isEqualTo(200);
        try (Socket held = holdAWorker()) {
            HttpResponse<String> page = firstAnswerOtherThan200("/");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).hasValue(LoadShedding.RETRY_AFTER_SECONDS);
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(page.body()).contains("busy");

            HttpResponse<String> api = app.get("/api/daily_papers");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(api.body()).contains("\"code\":\"overloaded\"");

            assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(app.get("/readyz").statusCode()).isEqualTo(200);
        }
        assertThat(eventually200("/")).isTrue();
    }

    @Test
    void aQueuedRequestWaitsNoLongerThanTheQueueTimeout() throws Exception {
        Duration timeout = Duration.ofMillis(400);
        start(new ServerLimits(1, 8, timeout, Duration.ofSeconds(20)));
        try (Socket held = holdAWorker()) {
            HttpResponse<String> queued;
            Duration waited;
            int tries = 0;
            do {
                long started = System.nanoTime();
                queued = app.get("/");
                waited = Duration.ofNanos(System.nanoTime() - started);
            } while (queued.statusCode() == 200 && ++tries < 50);
            assertThat(queued.statusCode()).isEqualTo(503);
            assertThat(queued.headers().firstValue("Retry-After")).hasValue(LoadShedding.RETRY_AFTER_SECONDS);
            assertThat(waited).isGreaterThanOrEqualTo(timeout.minusMillis(50)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aConnectionThatStallsInItsRequestIsClosedAfterTheIdleTimeout() throws Exception {
        start(new ServerLimits(4, 8, Duration.ofSeconds(2), Duration.ofSeconds(1)));
        try (Socket stalled = new Socket("127.0.0.1", app.web().port())) {
            stalled.setSoTimeout(15_000);
            stalled.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            InputStream in = stalled.getInputStream();
            byte[] rest = in.readAllBytes();
            Duration closedAfter = Duration.ofNanos(System.nanoTime() - started);
            assertThat(closedAfter).isGreaterThanOrEqualTo(Duration.ofMillis(800)).isLessThan(Duration.ofSeconds(10));
            assertThat(new String(rest, StandardCharsets.US_ASCII)).doesNotContain("200 OK");
        }
        assertThat(app.get("/").statusCode()).isEqualTo(200);
    }

    private void start(ServerLimits limits) throws IOException {
        Path dir = Files.createTempDirectory("dailypapers-shedding");
        app = TestApp.start(new Config(dir, TestDatabases.sqlite(dir), "127.0.0.1", 0).withServerLimits(limits));
    }

    /**
     * The held request reaches its worker asynchronously, later on a loaded machine: until it has, a request still
     * gets its turn (the tests retry while it does). Gives up after a few seconds with the last answer, a 200 if
     * shedding never happened.
     */
    private HttpResponse<String> firstAnswerOtherThan200(String path) throws InterruptedException {
        HttpResponse<String> answer = app.get(path);
        for (int i = 0; i < 50 && answer.statusCode() == 200; i++) {
            Thread.sleep(100);
            answer = app.get(path);
        }
        return answer;
    }

    /**
     * A form post that announces a body and sends none of it, so its worker waits for it until the idle timeout
     * (a body that arrives slower than the data-rate floor would be cut off at once). A worker is given back just
     * after its answer is sent, so a post right behind another request can find none free and be shed itself: then
     * it is sent again.
     */
    private Socket holdAWorker() throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            Socket socket = new Socket("127.0.0.1", app.web().port());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 4096\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200);
            if (socket.getInputStream().available() == 0) {
                return socket;
            }
            socket.close();
        }
        throw new AssertionError("every post meant to hold a worker was answered at once");
    }

    private boolean eventually200(String path) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (app.get(path).statusCode() == 200) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
