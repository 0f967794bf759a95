package dailypapers.thumbnail;

import dailypapers.paper.ArxivId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What pages and the API read: a paper's thumbnail image, and which papers of a listing have one. */
public final class ThumbnailService {

    private final ThumbnailStore store;
    private final boolean rendering;

    /** {@code rendering}: whether this instance renders the thumbnails it lacks ({@code thumbnail.enabled}). */
    public ThumbnailService(ThumbnailStore store, boolean rendering) {
        this.store = store;
        this.rendering = rendering;
    }

    /** Whether a missing thumbnail is still to come, so that a page may reserve its place. */
    public boolean isRendering() {
        return rendering;
    }

    public Optional<ThumbnailImage> image(ArxivId paper) {
        return store.image(paper);
    }

    /** The thumbnails of a listing's papers, in one query; papers without one are absent. */
    public Map<ArxivId, Thumbnail> thumbnails(Collection<ArxivId> papers) {
        return store.thumbnails(papers);
    }
}
