package dailypapers.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Waiting for a server of this process to accept connections on loopback. */
final class Ports {

    private static final long WAIT_MILLIS = 120_000;

    private Ports() {
    }

    /** True once 127.0.0.1:{@code port} accepts a connection, false after two minutes. */
    static boolean awaitListening(int port) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }
}
