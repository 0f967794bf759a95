package dailypapers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sends a test's request and reads the answer (as text unless told otherwise), turning the checked failures into
 * unchecked ones.
 */
public final class TestHttp {

    private TestHttp() {
    }

    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        return send(client, request, HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #send(HttpClient, HttpRequest)}, reading the body with {@code body} (bytes, say). */
    public static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
