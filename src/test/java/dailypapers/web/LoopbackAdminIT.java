package dailypapers.web;

import static dailypapers.web.AdminAccessIT.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Without an admin token the admin pages answer only this machine. The server listens on every interface, so a
 * request to one of this machine's own non-loopback addresses arrives from that address, as a remote one would.
 */
class LoopbackAdminIT {

    private static TestApp app;

    @BeforeAll
    static void start() throws IOException {
        Path dir = Files.createTempDirectory("dailypapers-loopback");
        app = TestApp.start(new Config(dir, TestDatabases.sqlite(dir), "0.0.0.0", 0));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void requestsFromLoopbackReachTheAdminPagesAndApis() {
        assertThat(send(loopback("/admin/harvest")).statusCode()).isEqualTo(200);
        assertThat(send(loopback("/admin/search")).statusCode()).isEqualTo(200);
        assertThat(send(loopback("/api/harvest/status")).statusCode()).isEqualTo(200);
        assertThat(send(loopback("/api/search/status")).statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestRelayedByAProxyOnThisMachineIsRefused() throws Exception {
        HttpResponse<String> response = send(loopback("/api/harvest/status").header("X-Forwarded-For", "203.0.113.9"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new ObjectMapper().readTree(response.body()).get("code").asText()).isEqualTo("forbidden");
    }

    @Test
    void requestsFromAnotherAddressAreRefusedWithTheReason() throws Exception {
        String address = nonLoopbackAddress().orElse(null);
        Assumptions.assumeTrue(address != null, "skipped: this machine has no non-loopback IPv4 address");
        String base = "http://" + address + ":" + app.web().port();

        HttpResponse<String> api = send(HttpRequest.newBuilder(URI.create(base + "/api/harvest/status")));
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(new ObjectMapper().readTree(api.body()).get("error").asText()).contains("admin.token");

        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/admin/harvest")));
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("<!doctype html>", "DAILYPAPERS_ADMIN_TOKEN");

        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/daily_papers"))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theSignInPageSaysThereIsNothingToSignInWith() {
        HttpResponse<String> response = send(loopback(SignInPages.PATH));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("No admin token is configured").doesNotContain("type=\"password\"");
    }

    private static HttpRequest.Builder loopback(String path) {
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + path));
    }

    private static Optional<String> nonLoopbackAddress() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(LoopbackAdminIT::isUp)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .map(InetAddress::getHostAddress)
                    .findFirst();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}
