package dailypapers.web;

import dailypapers.feed.FeedService;
import io.javalin.http.Context;

/** HTML listings: home (latest featured day), day, week, month, trending, New, about. */
final class FeedPages {

    private final FeedService feed;
    private final Views views;

    FeedPages(FeedService feed, Views views) {
        this.feed = feed;
        this.views = views;
    }

    void home(Context ctx) {
        ctx.html("home");
    }

    void day(Context ctx) {
        ctx.html("day");
    }

    void week(Context ctx) {
        ctx.html("week");
    }

    void month(Context ctx) {
        ctx.html("month");
    }

    void trending(Context ctx) {
        ctx.html("trending");
    }

    void newest(Context ctx) {
        ctx.html("new");
    }

    void newOn(Context ctx) {
        ctx.html("new on");
    }

    void about(Context ctx) {
        ctx.html("about");
    }
}
