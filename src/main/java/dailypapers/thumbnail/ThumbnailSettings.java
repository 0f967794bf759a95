package dailypapers.thumbnail;

import dailypapers.ingest.HttpPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The thumbnail job's settings, read by {@code Config} from the {@code thumbnail.*} keys.
 *
 * @param enabled       whether {@code serve} makes thumbnails on a schedule
 * @param interval      pause between two runs
 * @param batchSize     papers tried per run, at most
 * @param pdfUrl        where PDFs are fetched: the paper's id is appended ({@code https://arxiv.org/pdf/})
 * @param maxPdfBytes   larger PDFs are refused, unread
 * @param renderTimeout longer renderings are abandoned
 * @param policy        how politely to ask the PDF host: the arXiv harvester's politeness, retries and timeouts
 */
public record ThumbnailSettings(boolean enabled, Duration interval, int batchSize, URI pdfUrl, long maxPdfBytes,
        Duration renderTimeout, HttpPolicy policy) {

    /** The first run waits this long after {@code serve} starts, so that startup is not slowed by rendering. */
    public static final Duration FIRST_RUN_DELAY = Duration.ofSeconds(30);

    public ThumbnailSettings {
        Objects.requireNonNull(pdfUrl);
        Objects.requireNonNull(policy);
        if (batchSize < 1 || maxPdfBytes < 1 || !renderTimeout.isPositive()) {
            throw new IllegalArgumentException("batch size, PDF size cap and render timeout must be positive");
        }
    }

    public ThumbnailSettings withEnabled(boolean on) {
        return new ThumbnailSettings(on, interval, batchSize, pdfUrl, maxPdfBytes, renderTimeout, policy);
    }
}
