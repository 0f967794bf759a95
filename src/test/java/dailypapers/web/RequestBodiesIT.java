package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestApp;
import dailypapers.TestData;
import dailypapers.TestMember;
import dailypapers.account.Role;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request bodies as peers send them: in parts and late, as a busy proxy or a client on a flaky link does, which is
 * read like any other (a minimum data rate would count a busy server's delay in reading as the client's slowness);
 * or broken, which is the client's 4xx, never a 500.
 */
class RequestBodiesIT {

    private static TestApp app;

    private static TestMember member;

    @BeforeAll
    static void start() {
        app = TestApp.withSample();
        member = app.member(Role.MEMBER);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Sends the headers and the body's first {@code split} bytes, waits, sends the rest; returns the status line. */
    private static String postInTwoParts(String path, String body, int split, long pauseMillis)
            throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        return send(path, "Content-Length: " + bytes.length, bytes, split, pauseMillis);
    }

    /** A member's form post with {@code framing} (its length header) as the body's, the body sent in two parts. */
    private static String send(String path, String framing, byte[] bytes, int split, long pauseMillis)
            throws IOException, InterruptedException {
        URI base = URI.create(app.baseUrl());
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getAuthority()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\n" + framing
                + "\r\nAccept: application/json\r\nCookie: " + member.cookie() + "\r\nX-CSRF-Token: "
                + member.csrfToken() + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, split);
            out.flush();
            Thread.sleep(pauseMillis);
            out.write(bytes, split, bytes.length - split);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return response.lines().findFirst().orElse("");
        }
    }

    @Test
    void aSmallFormWhoseBodyComesAfterItsHeadersIsRead() throws Exception {
        List<String> papers = TestData.sampleRecords().stream().map(record -> record.get("id").asText()).toList();
        assertThat(postInTwoParts("/papers/" + papers.get(0) + "/upvote", "action=add", 0, 300))
                .as("the body after the headers").startsWith("HTTP/1.1 200");
        assertThat(postInTwoParts("/papers/" + papers.get(1) + "/upvote", "action=add", 3, 300))
                .as("the body in two parts").startsWith("HTTP/1.1 200");
    }

    @Test
    void aBodyThatCannotBeReadIsTheClients400() throws Exception {
        String paper = TestData.sampleRecords().get(2).get("id").asText();
        byte[] badChunk = "zz\r\naction=add\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(send("/papers/" + paper + "/upvote", "Transfer-Encoding: chunked", badChunk, badChunk.length, 0))
                .startsWith("HTTP/1.1 400");
    }
}
