package dailypapers.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: a larger one, by its Content-Length or by what arrives, is
 * cancelled at once and fails with {@link TooLarge}, so a hostile upstream cannot fill the heap.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long maxBytes;
    private final long declaredBytes;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    private CappedBody(long maxBytes, long declaredBytes) {
        this.maxBytes = maxBytes;
        this.declaredBytes = declaredBytes;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long maxBytes) {
        return info -> new CappedBody(maxBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    /** The body is larger than the caller accepts. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declaredBytes > maxBytes) {
            refuse(declaredBytes);
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            if (body.isDone()) {
                return;
            }
            if (bytes.size() + (long) buffer.remaining() > maxBytes) {
                refuse(bytes.size() + (long) buffer.remaining());
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    private void refuse(long size) {
        subscription.cancel();
        body.completeExceptionally(new TooLarge("the body has " + (declaredBytes > maxBytes ? "" : "more than ")
                + size + " bytes, more than the " + maxBytes + " accepted"));
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(bytes.toByteArray());
    }
}
