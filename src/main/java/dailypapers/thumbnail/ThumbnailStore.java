package dailypapers.thumbnail;

import dailypapers.paper.ArxivId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where thumbnails and failed attempts to make them are kept (the thumbnail table). */
public interface ThumbnailStore {

    /**
     * Featured papers that need a thumbnail, most recently featured first: those never tried, and those whose
     * last try failed and whose retry time is not after {@code now}.
     */
    List<Due> due(Instant now, int limit);

    /** Stores a paper's thumbnail, replacing an earlier one or a failure. */
    void save(ArxivId paper, ThumbnailImage image, Instant at);

    /**
     * Records a failed try: the paper is due again at {@code retryAt}. An image stored earlier stays; a failure
     * only counts up.
     */
    void recordFailure(ArxivId paper, ThumbnailException.Code code, String message, Instant retryAt, Instant at);

    Optional<ThumbnailImage> image(ArxivId paper);

    /** The thumbnails of those of these papers that have one, in one query. */
    Map<ArxivId, Thumbnail> thumbnails(Collection<ArxivId> papers);

    /**
     * A paper due for a thumbnail.
     *
     * @param failures failed tries since the last success, for the backoff
     */
    record Due(ArxivId paper, int failures) {
    }
}
