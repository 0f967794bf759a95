package dailypapers.web;

import dailypapers.ingest.HarvestMonitor;
import io.javalin.http.Context;

/**
 * {@code /admin/harvest} (HTML) and {@code /api/harvest/status} (JSON): how each harvester is doing. There are no
 * accounts yet, so these are public; they show no secrets, only sources, positions, counts and errors.
 */
final class HarvestPages {

    private final HarvestMonitor monitor;
    private final Views views;

    HarvestPages(HarvestMonitor monitor, Views views) {
        this.monitor = monitor;
        this.views = views;
    }

    void page(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        views.render(ctx, "harvest.jte", HarvestView.of(monitor));
    }

    void status(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.json(HarvestView.json(monitor));
    }
}
