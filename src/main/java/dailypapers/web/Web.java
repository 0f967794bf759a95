package dailypapers.web;

import dailypapers.UserFacingException;
import dailypapers.feed.FeedService;
import dailypapers.ingest.HarvestMonitor;
import dailypapers.paper.PaperStore;
import dailypapers.search.SearchMonitor;
import dailypapers.search.SearchService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import org.eclipse.jetty.server.handler.GracefulHandler;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: one route table, one error mapper, one request log line and latency sample per request. */
public final class Web implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Web.class);
    private static final Logger requestLog = LoggerFactory.getLogger("dailypapers.request");

    /** Set once an error body is written, so Javalin's unmatched-route 404 handler leaves it alone. */
    private static final String ERROR_RENDERED = "dailypapers.errorRendered";

    private static final long STOP_TIMEOUT_MS = 10_000;
    /**
     * Room for long query strings (Jetty's default is 8 KB), so that an overlong search query reaches the handler
     * and gets a 400 that names the parameter instead of a bare 414.
     */
    private static final int REQUEST_HEADER_BYTES = 32 * 1024;

    private final Javalin javalin;

    private Web(Javalin javalin) {
        this.javalin = javalin;
    }

    /**
     * Starts serving on {@code host:port} (port 0 picks a free one). A busy port fails here, before anything is
     * served, with a message that names it.
     */
    public static Web start(String host, int port, FeedService feed, PaperStore papers, SearchService search,
            SearchMonitor searchMonitor, HarvestMonitor harvest,
            Clock clock, PrometheusMeterRegistry metrics, BooleanSupplier ready) {
        Views views = new Views();
        DateText dates = new DateText(clock);
        FeedPages feedPages = new FeedPages(feed, views, dates);
        PaperPages paperPages = new PaperPages(feed, papers, search, views, dates);
        PaperApi paperApi = new PaperApi(feed, papers);
        SearchPages searchPages = new SearchPages(search, views, dates);
        SearchApi searchApi = new SearchApi(search, papers);
        AtomFeeds atomFeeds = new AtomFeeds(feed, search, clock);
        OpenApiDocument openApi = new OpenApiDocument();
        StatusPages statusPages = new StatusPages(harvest, searchMonitor, views);
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.jetty.host = host;
            config.jetty.port = port;
            config.router.ignoreTrailingSlashes = true;
            // Javalin mounts its handlers inside this wrapper; on stop, Jetty lets in-flight requests finish.
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(REQUEST_HEADER_BYTES));
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_TIMEOUT_MS);
                server.setHandler(new GracefulHandler());
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/assets";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=3600");
            });
            config.requestLogger.http((ctx, ms) -> record(ctx, ms, metrics));

            var routes = config.routes;
            routes.get("/", feedPages::home);
            routes.get("/papers/date/{date}", feedPages::day);
            routes.get("/papers/week/{week}", feedPages::week);
            routes.get("/papers/month/{month}", feedPages::month);
            routes.get("/papers/<id>", paperPages::paper);
            routes.get("/trending", feedPages::trending);
            routes.get("/new", feedPages::newest);
            routes.get("/new/{date}", feedPages::newOn);
            routes.get("/authors/{name}", paperPages::author);
            routes.get("/categories/{category}", paperPages::category);
            routes.get("/about", feedPages::about);
            routes.get("/search", searchPages::search);

            routes.get("/api/daily_papers", paperApi::dailyPapers);
            // Before /api/papers/<id>, which would take "search" and "…/similar" for ids.
            routes.get("/api/papers/search", searchApi::search);
            routes.get("/api/papers/<id>/similar", searchApi::similar);
            routes.get("/api/papers/<id>", paperApi::paper);
            routes.get("/api/openapi.json", openApi::serve);
            routes.get("/api/harvest/status", statusPages::harvestStatus);
            routes.get("/api/search/status", statusPages::searchStatus);

            routes.get("/admin/harvest", statusPages::harvestPage);
            routes.get("/admin/search", statusPages::searchPage);

            routes.get("/feeds/daily.atom", atomFeeds::daily);
            routes.get("/feeds/trending.atom", atomFeeds::trending);
            routes.get("/feeds/new.atom", atomFeeds::newest);
            routes.get("/feeds/categories/{category}", atomFeeds::category);
            routes.get("/feeds/authors/{name}", atomFeeds::author);
            routes.get("/feeds/search", atomFeeds::search);

            routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
            routes.get("/readyz", ctx -> {
                boolean ok = ready.getAsBoolean();
                ctx.status(ok ? 200 : 503).json(Map.of("status", ok ? "ready" : "database unreachable"));
            });
            routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));

            routes.exception(HttpError.class, (e, ctx) -> renderError(ctx, e, views));
            routes.exception(Exception.class, (e, ctx) -> {
                log.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
                renderError(ctx, new HttpErrorView(500, "internal_error", null,
                        "Something went wrong on our side; it has been logged."), views);
            });
            routes.error(404, ctx -> {
                if (ctx.attribute(ERROR_RENDERED) == null) {
                    renderError(ctx, new HttpErrorView(404, "not_found", null, "No such page: " + ctx.path()),
                            views);
                }
            });
        });
        try {
            javalin.start();
        } catch (RuntimeException e) {
            throw new UserFacingException("cannot listen on " + host + ":" + port
                    + " (is another process using the port?): " + rootMessage(e), e);
        }
        return new Web(javalin);
    }

    private static void record(Context ctx, Float ms, PrometheusMeterRegistry metrics) {
        String route = routeOf(ctx);
        Timer.builder("http.server.requests")
                .description("Request latency by route")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", String.valueOf(ctx.status().getCode()))
                .publishPercentileHistogram()
                .register(metrics)
                .record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS);
        requestLog.info("{} {} {} {}ms route={}", ctx.method(), ctx.path(), ctx.status().getCode(),
                String.format("%.1f", ms), route);
    }

    /** The matched route pattern, so metrics are labelled by route rather than by every distinct URL. */
    private static String routeOf(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException e) {
            return ctx.path().startsWith("/assets/") ? "/assets" : "unmatched";
        }
    }

    private static void renderError(Context ctx, HttpError e, Views views) {
        String code = e.code().name().toLowerCase(Locale.ROOT);
        renderError(ctx, new HttpErrorView(e.status(), code, e.parameter(), e.getMessage()), views);
    }

    private static void renderError(Context ctx, HttpErrorView error, Views views) {
        ctx.attribute(ERROR_RENDERED, true);
        ctx.status(error.status());
        if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/feeds/")) {
            var body = new LinkedHashMap<String, Object>();
            body.put("error", error.message());
            body.put("code", error.code());
            if (error.parameter() != null) {
                body.put("parameter", error.parameter());
            }
            ctx.json(body);
        } else {
            views.render(ctx, "error.jte", error);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
