package dailypapers.thumbnail;

import dailypapers.paper.ArxivId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What pages and the API read: a paper's thumbnail image, and which papers of a listing have one. */
public final class ThumbnailService {

    private final ThumbnailStore store;

    public ThumbnailService(ThumbnailStore store) {
        this.store = store;
    }

    public Optional<ThumbnailImage> image(ArxivId paper) {
        return store.image(paper);
    }

    /** The thumbnails of a listing's papers, in one query; papers without one are absent. */
    public Map<ArxivId, Thumbnail> thumbnails(Collection<ArxivId> papers) {
        return store.thumbnails(papers);
    }
}
