package dailypapers.feed;

import dailypapers.paper.PaperStore;
import java.time.Clock;

/** The papers and their listings: what pages, the API and the other features read papers through. */
public final class FeedModule {

    private final PaperStore papers;
    private final FeedService feed;

    public FeedModule(PaperStore papers, Clock clock) {
        this.papers = papers;
        this.feed = new FeedService(papers, clock);
    }

    public PaperStore papers() {
        return papers;
    }

    public FeedService feed() {
        return feed;
    }
}
