package dailypapers.web;

import dailypapers.feed.FeedService;
import dailypapers.paper.PaperStore;
import io.javalin.http.Context;

/** HTML pages for one paper, an author and a category. */
final class PaperPages {

    private final FeedService feed;
    private final PaperStore papers;
    private final Views views;

    PaperPages(FeedService feed, PaperStore papers, Views views) {
        this.feed = feed;
        this.papers = papers;
        this.views = views;
    }

    void paper(Context ctx) {
        ctx.html("paper");
    }

    void author(Context ctx) {
        ctx.html("author");
    }

    void category(Context ctx) {
        ctx.html("category");
    }
}
