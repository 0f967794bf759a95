package dailypapers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on loopback for tests. */
public final class TestPorts {

    private TestPorts() {
    }

    /**
     * A loopback port nothing listens on now: bound, then let go. For a server a test starts there later, or for a
     * dependency that must be out of reach.
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
