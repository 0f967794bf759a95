package dailypapers.feed;

import dailypapers.paper.PaperStore;

/** The papers and their listings: what pages, the API and the other features read papers through. */
public final class FeedModule {

    private final PaperStore papers;
    private final FeedService feed;

    public FeedModule(PaperStore papers) {
        this.papers = papers;
        this.feed = new FeedService(papers);
    }

    public PaperStore papers() {
        return papers;
    }

    public FeedService feed() {
        return feed;
    }
}
