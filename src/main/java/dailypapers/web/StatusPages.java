package dailypapers.web;

import dailypapers.ingest.HarvestMonitor;
import dailypapers.search.SearchMonitor;
import io.javalin.http.Context;

/**
 * The status pages, each in HTML and JSON: {@code /admin/harvest} and {@code /api/harvest/status} (how each
 * harvester is doing), {@code /admin/search} and {@code /api/search/status} (how far the index and the embeddings
 * have come). Admins only ({@link Role#ADMIN}); even so they show no secrets, only sources, positions, counts, the
 * model's name and errors. Never cached: they are read to see what changes.
 */
final class StatusPages {

    private final HarvestMonitor harvest;
    private final SearchMonitor search;
    private final Views views;

    StatusPages(HarvestMonitor harvest, SearchMonitor search, Views views) {
        this.harvest = harvest;
        this.search = search;
        this.views = views;
    }

    void harvestPage(Context ctx) {
        views.render(ctx, "harvest.jte", HarvestView.of(harvest));
    }

    void harvestStatus(Context ctx) {
        ctx.json(HarvestView.json(harvest));
    }

    void searchPage(Context ctx) {
        views.render(ctx, "search-status.jte", SearchStatusView.of(search.status()));
    }

    void searchStatus(Context ctx) {
        ctx.json(SearchStatusView.json(search.status()));
    }
}
