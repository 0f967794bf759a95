package dailypapers.web;

import dailypapers.search.SearchMonitor;
import io.javalin.http.Context;

/**
 * {@code /admin/search} (HTML) and {@code /api/search/status} (JSON): how far the index and the embeddings have
 * come. Public, like the harvest status: there are no accounts yet, and it shows only counts and the model's name.
 */
final class SearchStatusPages {

    private final SearchMonitor monitor;
    private final Views views;

    SearchStatusPages(SearchMonitor monitor, Views views) {
        this.monitor = monitor;
        this.views = views;
    }

    void page(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        views.render(ctx, "search-status.jte", SearchStatusView.of(monitor.status()));
    }

    void status(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.json(SearchStatusView.json(monitor.status()));
    }
}
