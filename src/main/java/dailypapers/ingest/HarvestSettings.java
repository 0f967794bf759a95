package dailypapers.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The harvesters' settings, read by {@code Config} from the {@code harvest.*} keys.
 *
 * @param enabled         whether {@code serve} runs the harvesters on their schedule
 * @param firstRunDelay   how long after {@code serve} starts the first scheduled runs begin
 * @param startDays       how far back a source without a checkpoint starts, in days
 * @param arxivSets       arXiv sets or categories: {@code cs}, {@code stat.ML} (OAI set {@code stat}, keeping
 *                        only records listed in stat.ML), {@code physics:hep-th}
 * @param arxivDelay      the least time between two requests to export.arxiv.org (arXiv asks for 3 s)
 * @param hfLookbackDays  recent Hugging Face days fetched again on every run, as their upvotes grow
 */
public record HarvestSettings(boolean enabled, Duration firstRunDelay, int startDays, URI arxivOaiUrl, URI arxivApiUrl,
        List<String> arxivSets, String arxivMetadataPrefix, Duration arxivInterval, Duration arxivDelay, URI hfUrl,
        Duration hfInterval, Duration hfDelay, int hfLookbackDays, Duration connectTimeout, Duration readTimeout,
        int retryAttempts, Duration retryBackoff, int circuitFailures, Duration circuitOpenFor) {

    /** The longest wait between retries, however many there were. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** The longest Retry-After honoured; a longer one counts as a failed try. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    public HarvestSettings {
        arxivSets = List.copyOf(arxivSets);
    }

    public HttpPolicy arxivPolicy() {
        return policy(arxivDelay);
    }

    public HttpPolicy hfPolicy() {
        return policy(hfDelay);
    }

    private HttpPolicy policy(Duration delay) {
        return new HttpPolicy(connectTimeout, readTimeout, delay, retryAttempts, retryBackoff, MAX_BACKOFF,
                MAX_RETRY_AFTER, circuitFailures, circuitOpenFor);
    }

    public HarvestSettings withEnabled(boolean on) {
        return new HarvestSettings(on, firstRunDelay, startDays, arxivOaiUrl, arxivApiUrl, arxivSets,
                arxivMetadataPrefix, arxivInterval, arxivDelay, hfUrl, hfInterval, hfDelay, hfLookbackDays,
                connectTimeout, readTimeout, retryAttempts, retryBackoff, circuitFailures, circuitOpenFor);
    }
}
