package dailypapers.thumbnail;

import dailypapers.ingest.HarvestException;
import dailypapers.ingest.Upstream;
import dailypapers.job.Backoff;
import dailypapers.job.Job;
import dailypapers.paper.ArxivId;
import dailypapers.thumbnail.ThumbnailException.Code;
import dailypapers.thumbnail.ThumbnailStore.Due;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run makes thumbnails for a bounded batch of featured papers that lack one, most recently featured first: it
 * fetches each PDF politely from arXiv and renders its first page. A paper that fails is recorded with the reason
 * and tried again after a backoff that doubles per failure, from {@link #FIRST_RETRY} up to {@link #MAX_RETRY}; a
 * page shows its placeholder meanwhile, never a broken image.
 */
public final class ThumbnailJob implements Job.Task {

    private static final Logger log = LoggerFactory.getLogger(ThumbnailJob.class);

    public static final Duration FIRST_RETRY = Duration.ofHours(1);
    public static final Duration MAX_RETRY = Duration.ofDays(7);

    private final ThumbnailStore store;
    private final Upstream pdfHost;
    private final FirstPageRenderer renderer;
    private final ThumbnailSettings settings;
    private final Clock clock;

    public ThumbnailJob(ThumbnailStore store, Upstream pdfHost, FirstPageRenderer renderer,
            ThumbnailSettings settings, Clock clock) {
        this.store = store;
        this.pdfHost = pdfHost;
        this.renderer = renderer;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void run() {
        for (Due due : store.due(clock.instant(), settings.batchSize())) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                ThumbnailImage image = renderer.render(fetch(due.paper()));
                store.save(due.paper(), image, clock.instant());
                log.info("thumbnail of {}: {} x {}, {} bytes", due.paper(), image.thumbnail().width(),
                        image.thumbnail().height(), image.bytes().length);
            } catch (ThumbnailException e) {
                if (e.code() == Code.UNAVAILABLE) {
                    log.info("thumbnails paused: {}", e.getMessage());
                    return;
                }
                Instant now = clock.instant();
                Instant retryAt = now.plus(backoff(due.failures() + 1));
                store.recordFailure(due.paper(), e.code(), e.getMessage(), retryAt, now);
                log.warn("thumbnail of {} failed ({}): {}; next try after {}", due.paper(), e.code(),
                        e.getMessage(), retryAt);
            }
        }
    }

    /** The wait after the n-th failure in a row: {@link #FIRST_RETRY} doubled per earlier failure, capped. */
    static Duration backoff(int failures) {
        return Backoff.doubling(FIRST_RETRY, MAX_RETRY, failures);
    }

    private byte[] fetch(ArxivId paper) throws ThumbnailException {
        URI uri = settings.pdfUrl().resolve(paper.value());
        try {
            return pdfHost.get(uri, Upstream.Response::body, settings.maxPdfBytes());
        } catch (HarvestException e) {
            Code code = switch (e.code()) {
                case TOO_LARGE -> Code.TOO_LARGE;
                case CLIENT_ERROR -> Code.REFUSED;
                case CIRCUIT_OPEN, BUSY, INTERRUPTED -> Code.UNAVAILABLE;
                default -> Code.DOWNLOAD_FAILED;
            };
            throw new ThumbnailException(code, e.getMessage(), e);
        }
    }
}
