package dailypapers.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's bounded admission in front of every route ({@link ServerLimits}): a request beyond the concurrent limit
 * waits in a bounded queue for a bounded time; one that finds the queue full, or waits too long, gets a 503 with
 * {@code Retry-After} at once, as a JSON error on data paths and a line of text elsewhere. The probes are never
 * shed: an orchestrator must see a busy server as alive.
 */
final class LoadShedding extends QoSHandler {

    /** Seconds a client is asked to wait: a queue drains within its timeout, which is a few seconds at most. */
    static final String RETRY_AFTER_SECONDS = "1";
    private static final String MESSAGE = "The server is busy; try again in a second.";

    LoadShedding(ServerLimits limits, String... neverShed) {
        setMaxRequestCount(limits.concurrentRequests());
        setMaxSuspendedRequestCount(limits.queuedRequests());
        setMaxSuspend(limits.queueTimeout());
        excludePath(neverShed);
    }

    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        busy(request, response, callback, status);
    }

    @Override
    protected void failSuspended(Request request, Response response, Callback callback, int status,
            Throwable failure) {
        if (status == HttpStatus.SERVICE_UNAVAILABLE_503) {
            busy(request, response, callback, status);
        } else {
            super.failSuspended(request, response, callback, status, failure);
        }
    }

    private static void busy(Request request, Response response, Callback callback, int status) {
        if (response.isCommitted()) {
            callback.failed(new IllegalStateException("response already committed"));
            return;
        }
        String path = Request.getPathInContext(request);
        boolean data = path.startsWith("/api/") || path.startsWith("/feeds/");
        String body = data ? "{\"error\":\"" + MESSAGE + "\",\"code\":\"overloaded\"}" : MESSAGE + "\n";
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE,
                data ? "application/json" : "text/plain; charset=utf-8");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
