package dailypapers.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real HTTP server on loopback that replays recorded upstream responses. A route function answers by request;
 * faults queued with {@link #failNext} are served first, one per request, to inject timeouts, resets, 5xx and
 * broken bodies. Every request's path and query is recorded.
 */
public final class ReplayServer implements AutoCloseable {

    /** One canned answer. */
    public record Reply(int status, Map<String, String> headers, byte[] body, Fault fault) {

        public static Reply ok(byte[] body, String contentType) {
            return new Reply(200, Map.of("Content-Type", contentType), body, Fault.NONE);
        }

        public static Reply status(int status, Map<String, String> headers) {
            return new Reply(status, headers, ("HTTP " + status).getBytes(), Fault.NONE);
        }

        /** Waits this long before answering, so the client's read timeout fires first. */
        public static Reply slow(byte[] body) {
            return new Reply(200, Map.of(), body, Fault.SLOW);
        }

        /** Answers only once the test calls {@link ReplayServer#releaseHeld()}: a request caught in flight. */
        public static Reply held(byte[] body) {
            return new Reply(200, Map.of(), body, Fault.HELD);
        }

        /** Sends the body in chunks, without saying its length first. */
        public static Reply chunked(byte[] body) {
            return new Reply(200, Map.of(), body, Fault.CHUNKED);
        }

        /** Sends the headers and the start of the body, then nothing for a while: a stalled download. */
        public static Reply stalled(byte[] body) {
            return new Reply(200, Map.of(), body, Fault.STALLED);
        }

        /** Promises a longer body than it sends, then drops the connection. */
        public static Reply reset(byte[] body) {
            return new Reply(200, Map.of(), body, Fault.RESET);
        }

        public Reply withHeader(String name, String value) {
            var all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Reply(status, all, body, fault);
        }
    }

    /** How a reply misbehaves on the wire. */
    public enum Fault { NONE, SLOW, HELD, RESET, CHUNKED, STALLED }

    public static final long SLOW_MILLIS = 1_500;

    private final HttpServer server;
    private final Deque<Reply> faults = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private final CountDownLatch held = new CountDownLatch(1);
    private volatile Function<URI, Reply> route = uri -> Reply.status(404, Map.of());

    private ReplayServer(HttpServer server) {
        this.server = server;
    }

    public static ReplayServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ReplayServer replay = new ReplayServer(server);
            server.createContext("/", replay::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return replay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void route(Function<URI, Reply> route) {
        this.route = route;
    }

    public synchronized void failNext(Reply... replies) {
        faults.addAll(List.of(replies));
    }

    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** Blocks until at least {@code count} requests have arrived, so a test can act while one is in flight. */
    public synchronized void awaitRequests(int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (requests.size() < count) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " requests within " + timeout + ", got " + requests);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    public synchronized void clearRequests() {
        requests.clear();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        Reply reply;
        synchronized (this) {
            requests.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            notifyAll();
            reply = faults.isEmpty() ? null : faults.removeFirst();
        }
        if (reply == null) {
            reply = route.apply(uri);
        }
        try (exchange) {
            try {
                if (reply.fault() == Fault.SLOW) {
                    Thread.sleep(SLOW_MILLIS);
                } else if (reply.fault() == Fault.HELD) {
                    held.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            if (reply.fault() == Fault.STALLED) {
                exchange.sendResponseHeaders(reply.status(), reply.body().length);
                OutputStream body = exchange.getResponseBody();
                body.write(reply.body(), 0, Math.min(reply.body().length, 10));
                body.flush();
                try {
                    Thread.sleep(SLOW_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (reply.fault() == Fault.RESET) {
                exchange.sendResponseHeaders(reply.status(), reply.body().length + 10_000L);
                OutputStream body = exchange.getResponseBody();
                body.write(reply.body(), 0, Math.min(reply.body().length, 100));
                body.flush();
                return;
            }
            long length = reply.fault() == Fault.CHUNKED ? 0 : reply.body().length == 0 ? -1 : reply.body().length;
            exchange.sendResponseHeaders(reply.status(), length);
            if (reply.body().length > 0) {
                exchange.getResponseBody().write(reply.body());
            }
        } catch (IOException e) {
            // The client gave up (a timeout test); nothing to answer.
        }
    }

    /** Lets every {@link Reply#held} reply answer, now and from now on. */
    public void releaseHeld() {
        held.countDown();
    }

    @Override
    public void close() {
        releaseHeld();
        server.stop(0);
    }
}
