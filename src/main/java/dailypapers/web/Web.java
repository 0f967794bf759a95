package dailypapers.web;

import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.prefixPath;
import static io.javalin.apibuilder.ApiBuilder.staticInstance;
import static dailypapers.web.Answer.DATA;
import static dailypapers.web.Answer.PAGE;
import static dailypapers.web.Caching.BY_HANDLER;
import static dailypapers.web.Caching.NO_STORE;
import static dailypapers.web.Caching.REVALIDATE;
import static dailypapers.web.Role.ADMIN;
import static dailypapers.web.Role.ANYONE;
import static dailypapers.web.Role.MEMBER;
import static dailypapers.web.Role.MODERATOR;

import dailypapers.UserFacingException;
import dailypapers.account.AccountModule;
import dailypapers.comment.CommentModule;
import dailypapers.digest.DigestLinks;
import dailypapers.digest.DigestModule;
import dailypapers.feed.FeedModule;
import dailypapers.ingest.IngestModule;
import dailypapers.ratelimit.RateLimitModule;
import dailypapers.library.LibraryModule;
import dailypapers.moderation.ModerationModule;
import dailypapers.ops.Readiness;
import dailypapers.profile.ProfileService;
import dailypapers.ratelimit.RateLimiter;
import dailypapers.ratelimit.RateLimitedException;
import dailypapers.search.IndexUnavailableException;
import dailypapers.search.SearchModule;
import dailypapers.submission.SubmissionModule;
import dailypapers.takeout.TakeoutService;
import dailypapers.text.Messages;
import dailypapers.thumbnail.ThumbnailModule;
import dailypapers.token.TokenModule;
import dailypapers.vote.VoteModule;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.Endpoint;
import io.javalin.router.EndpointMetadata;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: one route table, where every route says who may use it ({@link Role}) and what it answers
 * ({@link Answer}); one access check before each matched request; one error mapper; one request log line and
 * latency sample per request.
 */
public final class Web implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Web.class);
    private static final Logger requestLog = LoggerFactory.getLogger("dailypapers.request");

    private static final String API = "/api";
    private static final String FEEDS = "/feeds";
    /** Groups whose routes answer data: a path under them that matches no route gets its 404 as JSON too. */
    private static final List<String> DATA_GROUPS = List.of(API, FEEDS);

    /** Scripts only as files of this origin (the upvote button's), which may call this origin only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self';"
            + " style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final long STOP_TIMEOUT_MS = 10_000;
    /**
     * What a 503 for a dependency that is down (the database restarting, the search engine unreachable) asks clients
     * to wait: such outages take seconds, and a client that retries sooner only adds to the load meanwhile.
     */
    private static final long UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
    /**
     * Room for long query strings (Jetty's default is 8 KB), so that an overlong search query reaches the handler
     * and gets a 400 that names the parameter instead of a bare 414.
     */
    private static final int REQUEST_HEADER_BYTES = 32 * 1024;

    /** Slower than any real client's link (8 kbit/s), so only a stalling or hostile peer is cut off. */
    private static final long MIN_DATA_RATE_BYTES_PER_SECOND = 1024;

    private final Javalin javalin;
    private final PageCache pages;

    private Web(Javalin javalin, PageCache pages) {
        this.javalin = javalin;
        this.pages = pages;
    }

    /**
     * Where to listen (port 0 picks a free one), the operator's token for the admin pages (without one, and
     * without an admin member signed in, they answer only on loopback), the proxies whose forwarding headers are
     * believed, how much work it takes on at once ({@link ServerLimits}), and the memory for anonymous visitors'
     * answers ({@link PageCache}; 0 keeps none).
     */
    public record Settings(String host, int port, Optional<AdminToken> adminToken, TrustedProxies trustedProxies,
            ServerLimits limits, long pageCacheBytes) {
    }

    /** The members' features: accounts and everything members do, with the limits and moderation around it. */
    public record Community(AccountModule accounts, RateLimitModule rateLimits, VoteModule votes, TokenModule tokens,
            SubmissionModule submissions, CommentModule comments, LibraryModule libraries, ModerationModule moderation,
            ProfileService profiles, DigestModule digests, TakeoutService takeout) {
    }

    /**
     * What every server reports to its operator: the clock, the metrics registry and the readiness checks; and which
     * failures mean the database is out of reach (answered 503, not 500: the request may succeed in a moment).
     */
    public record Operations(Clock clock, PrometheusMeterRegistry metrics, Readiness readiness,
            Predicate<Throwable> isDatabaseUnavailable) {
    }

    /**
     * Starts serving the features' pages and APIs. A busy port fails here, before anything is served, with a
     * message that names it.
     */
    public static Web start(Settings settings, FeedModule feed, SearchModule search, IngestModule ingest,
            ThumbnailModule thumbnails, Community community, Operations operations) {
        AccountModule accounts = community.accounts();
        RateLimitModule rateLimits = community.rateLimits();
        VoteModule votes = community.votes();
        TokenModule tokens = community.tokens();
        SubmissionModule submissions = community.submissions();
        CommentModule comments = community.comments();
        LibraryModule libraries = community.libraries();
        ModerationModule moderation = community.moderation();
        ProfileService profiles = community.profiles();
        String host = settings.host();
        int port = settings.port();
        Clock clock = operations.clock();
        PrometheusMeterRegistry metrics = operations.metrics();
        Readiness readiness = operations.readiness();
        Views views = new Views(libraries.service());
        DateText dates = new DateText(clock);
        Upvotes upvotes = new Upvotes(votes.service(), clock);
        FeedPages feedPages = new FeedPages(feed.feed(), thumbnails.service(), submissions.submissions(), views,
                dates, upvotes, new SharedViews<>(settings.pageCacheBytes() > 0));
        ModerationPages moderationPages = new ModerationPages(moderation.service(), feed.feed(),
                comments.service(), submissions.submissions(), rateLimits.limiter(), views, clock);
        ProfilePages profilePages = new ProfilePages(profiles, moderationPages, ProfileSections.of(
                submissions.submissions(), submissions.claims(), libraries.service(), comments.service(),
                votes.service()), views, clock);
        AtomFeeds atomFeeds = new AtomFeeds(feed.feed(), search.search(), clock);
        LibraryPages libraryPages = new LibraryPages(libraries.service(), atomFeeds, views, dates, clock);
        LibraryApi libraryApi = new LibraryApi(libraries.service());
        PaperPages paperPages = new PaperPages(feed.feed(), search.similar(), submissions, comments.service(),
                libraryPages, moderation.service(), views, dates, upvotes);
        CommentPages commentPages = new CommentPages(comments.service(), feed.feed(), paperPages, views);
        CommentFeeds commentFeeds = new CommentFeeds(feed.feed(), comments.service());
        SubmissionPages submissionPages = new SubmissionPages(submissions.submissions(), views);
        ClaimPages claimPages = new ClaimPages(submissions.claims(), views);
        PaperApi paperApi = new PaperApi(feed.feed(), thumbnails.service(), submissions.submissions(),
                comments.service(), moderation.service());
        ThumbnailFiles thumbnailFiles = new ThumbnailFiles(thumbnails.service());
        SearchPages searchPages = new SearchPages(search.search(), feed.feed(), views, dates, upvotes);
        SearchApi searchApi = new SearchApi(search.search(), search.similar(), feed.feed(),
                submissions.submissions(), comments.service());
        OpenApiDocument openApi = new OpenApiDocument();
        StatusPages statusPages = new StatusPages(ingest.monitor(), search.monitor(), views);
        DigestAdminPage digestAdmin = new DigestAdminPage(community.digests(), views);
        AdminAccess access = new AdminAccess(settings.adminToken(), clock);
        Validators validators = new Validators(feed.feed()::dataVersion, search.search()::indexVersion, clock);
        SignInPages signIn = new SignInPages(access, views);
        Visitors visitors = new Visitors(accounts.service(), tokens.service());
        MeApi meApi = new MeApi(votes.service());
        DataExports dataExports = new DataExports(community.takeout(), ingest.exporter(), clock);
        TokenPages tokenPages = new TokenPages(tokens.service(), views);
        AccountPages accountPages = new AccountPages(accounts.service(), profiles, rateLimits.limiter(),
                accounts.outboxDirectory(), views, clock);
        DigestModule digests = community.digests();
        SubscriptionPages subscriptionPages = new SubscriptionPages(digests.subscriptions(), digests.urls(),
                digests.settings(), rateLimits.limiter(), accounts.outboxDirectory(), views);
        TrustedProxies proxies = settings.trustedProxies();
        PageCache pages = new PageCache(settings.pageCacheBytes(), Validators.LIFETIME, CompressionStrategy.GZIP,
                metrics);
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // A known path asked with another method is a 405 that names the methods it takes, not a 404.
            config.http.prefer405over404 = true;
            config.concurrency.useVirtualThreads = true;
            // The page cache compresses as Javalin does, with the same strategy.
            config.http.compressionStrategy = CompressionStrategy.GZIP;
            // Our connections check each request's path before Jetty parses it (see MalformedTargets).
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, MalformedTargets.connectionFactory(http));
                connector.setHost(host);
                connector.setPort(port);
                connector.setIdleTimeout(settings.limits().idleTimeout().toMillis());
                return connector;
            });
            config.router.ignoreTrailingSlashes = true;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
                // A client that reads its answer slowly cannot hold a worker for long. No such rate for requests:
                // Jetty measures it from a body's first byte to each read, so a busy server that reads a small
                // form late refuses it (jetty/jetty.project#4641); the idle timeout cuts off a stalled sender.
                http.setMinResponseDataRate(MIN_DATA_RATE_BYTES_PER_SECOND);
            });
            // Javalin mounts its handlers inside the innermost wrapper: admission first, then the routes; on stop,
            // Jetty lets in-flight requests finish.
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_TIMEOUT_MS);
                server.setHandler(new GracefulHandler(new LoadShedding(settings.limits(), "/healthz", "/readyz",
                        "/metrics")));
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/assets";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=3600");
            });
            config.requestLogger.http((ctx, ms) -> record(ctx, ms, metrics));

            config.routes.apiBuilder(() -> {
                get("/", feedPages::home, PAGE, ANYONE);
                get("/trending", feedPages::trending, PAGE, ANYONE);
                get("/new", feedPages::newest, PAGE, ANYONE);
                get("/new/{date}", feedPages::newOn, PAGE, ANYONE);
                get("/about", feedPages::about, PAGE, ANYONE);
                get("/search", searchPages::search, PAGE, ANYONE);
                get("/authors/{name}", paperPages::author, PAGE, ANYONE);
                get("/categories/{category}", paperPages::category, PAGE, ANYONE);
                path("/papers", () -> {
                    // The day picker's form; before /<id>, which would take "date" for an id.
                    get("/date", feedPages::goToDay, PAGE, ANYONE);
                    get("/date/{date}", feedPages::day, PAGE, ANYONE);
                    get("/week/{week}", feedPages::week, PAGE, ANYONE);
                    get("/month/{month}", feedPages::month, PAGE, ANYONE);
                    post("/<id>/claims", paperPages::claim, PAGE, MEMBER);
                    get("/<id>", paperPages::paper, PAGE, ANYONE);
                    post("/<id>/upvote", upvotes::form, PAGE, MEMBER);
                    post("/<id>/comments", commentPages::post, PAGE, MEMBER);
                    post("/<id>/save", libraryPages::save, PAGE, MEMBER);
                    post("/<id>/collections", libraryPages::place, PAGE, MEMBER);
                });
                path("/comments/{id}", () -> {
                    get("/edit", commentPages::editPage, PAGE, MEMBER);
                    post("/edit", commentPages::edit, PAGE, MEMBER);
                    post("/delete", commentPages::delete, PAGE, MEMBER);
                    post("/hide", commentPages::hide, PAGE, MODERATOR);
                });
                get(TokenPages.PATH, tokenPages::page, PAGE, MEMBER);
                post(TokenPages.PATH, tokenPages::create, PAGE, MEMBER);
                post(TokenPages.PATH + "/{tokenId}/revoke", tokenPages::revoke, PAGE, MEMBER);
                post("/sign-out", accountPages::signOut, PAGE, ANYONE);
                get("/sign-up", accountPages::signUpPage, PAGE, ANYONE, NO_STORE);
                post("/sign-up", accountPages::signUp, PAGE, ANYONE);
                get("/mail-sent", accountPages::mailSent, PAGE, ANYONE, NO_STORE);
                get("/verify", accountPages::verifyPage, PAGE, ANYONE, NO_STORE);
                post("/verify", accountPages::verify, PAGE, ANYONE);
                path("/sign-in", () -> {
                    get("", accountPages::signInPage, PAGE, ANYONE, NO_STORE);
                    post("", accountPages::signIn, PAGE, ANYONE);
                    post("/send-link", accountPages::sendSignInLink, PAGE, ANYONE);
                    get("/link", accountPages::signInLinkPage, PAGE, ANYONE, NO_STORE);
                    post("/link", accountPages::signInWithLink, PAGE, ANYONE);
                });
                path("/reset", () -> {
                    get("", accountPages::resetPage, PAGE, ANYONE, NO_STORE);
                    post("", accountPages::requestReset, PAGE, ANYONE);
                    get("/confirm", accountPages::resetConfirmPage, PAGE, ANYONE, NO_STORE);
                    post("/confirm", accountPages::resetConfirm, PAGE, ANYONE);
                });
                path("/settings", () -> {
                    get("", accountPages::settingsPage, PAGE, MEMBER);
                    post("/name", accountPages::changeDisplayName, PAGE, MEMBER);
                    post("/password", accountPages::changePassword, PAGE, MEMBER);
                    post("/email", accountPages::requestEmailChange, PAGE, MEMBER);
                    get("/email/confirm", accountPages::emailChangePage, PAGE, ANYONE, NO_STORE);
                    post("/email/confirm", accountPages::confirmEmailChange, PAGE, ANYONE);
                    post("/sign-out-everywhere", accountPages::signOutEverywhere, PAGE, MEMBER);
                    post("/delete", accountPages::deleteAccount, PAGE, MEMBER);
                    get("/export.json", dataExports::memberData, PAGE, MEMBER);
                });
                get(SubscriptionPages.SUBSCRIBE, subscriptionPages::subscribePage, PAGE, ANYONE, NO_STORE);
                post(SubscriptionPages.SUBSCRIBE, subscriptionPages::subscribe, PAGE, ANYONE,
                        Csrf.Exemption.ANONYMOUS_SAME_SITE);
                get(SubscriptionPages.SENT, subscriptionPages::sent, PAGE, ANYONE, NO_STORE);
                get(SubscriptionPages.MEMBER_DIGEST, subscriptionPages::memberDigest, PAGE, MEMBER);
                get(DigestLinks.CONFIRM_PATH, subscriptionPages::confirmPage, PAGE, ANYONE, NO_STORE);
                post(DigestLinks.CONFIRM_PATH, subscriptionPages::confirm, PAGE, ANYONE);
                get(DigestLinks.PREFERENCES_PATH, subscriptionPages::preferencesPage, PAGE, ANYONE, NO_STORE);
                post(DigestLinks.PREFERENCES_PATH, subscriptionPages::savePreferences, PAGE, ANYONE);
                get(DigestLinks.UNSUBSCRIBE_PATH, subscriptionPages::unsubscribePage, PAGE, ANYONE, NO_STORE);
                // RFC 8058 one-click: mail providers post here with no cookie and no form token.
                post(DigestLinks.UNSUBSCRIBE_PATH, subscriptionPages::unsubscribe, PAGE, ANYONE,
                        Csrf.Exemption.SIGNED_LINK);
                post(SubscriptionPages.FRESH_LINK, subscriptionPages::freshLink, PAGE, ANYONE);
                post(SubscriptionPages.PREFERENCES_LINK, subscriptionPages::preferencesLink, PAGE, ANYONE);
                get("/submit", submissionPages::page, PAGE, MEMBER);
                post("/submit", submissionPages::submit, PAGE, MEMBER);
                get("/members/{handle}", profilePages::profile, PAGE, ANYONE, NO_STORE);
                get("/settings/profile", profilePages::settings, PAGE, MEMBER);
                post("/settings/profile", profilePages::saveSettings, PAGE, MEMBER);
                get("/report", moderationPages::reportForm, PAGE, MEMBER);
                post("/flags", moderationPages::flag, PAGE, MEMBER);
                path("/moderation", () -> {
                    get("", moderationPages::queue, PAGE, MODERATOR);
                    get("/log", moderationPages::log, PAGE, MODERATOR);
                    post("/flags/{id}/dismiss", moderationPages::dismiss, PAGE, MODERATOR);
                    post("/papers/<id>/hide", moderationPages::hidePaper, PAGE, MODERATOR);
                    post("/papers/<id>/unhide", moderationPages::unhidePaper, PAGE, MODERATOR);
                    post("/members/{id}/suspend", moderationPages::suspend, PAGE, MODERATOR);
                    post("/members/{id}/unsuspend", moderationPages::unsuspend, PAGE, MODERATOR);
                    post("/members/{id}/ban", moderationPages::ban, PAGE, MODERATOR);
                    get("/claims", claimPages::queue, PAGE, MODERATOR);
                    post("/claims/{claim}/confirm", claimPages::confirm, PAGE, MODERATOR);
                    post("/claims/{claim}/reject", claimPages::reject, PAGE, MODERATOR);
                    post("/submissions/{submission}/hide", submissionPages::hide, PAGE, MODERATOR);
                });
                path("/library", () -> {
                    get("", libraryPages::library, PAGE, MEMBER);
                    get("/export.bib", libraryPages::exportLibraryBibtex, PAGE, MEMBER);
                    get("/export.ris", libraryPages::exportLibraryRis, PAGE, MEMBER);
                });
                path("/collections", () -> {
                    post("", libraryPages::create, PAGE, MEMBER);
                    get("/{ref}", libraryPages::collection, PAGE, ANYONE);
                    get("/{ref}/export.bib", libraryPages::exportCollectionBibtex, PAGE, ANYONE);
                    get("/{ref}/export.ris", libraryPages::exportCollectionRis, PAGE, ANYONE);
                    post("/{ref}/settings", libraryPages::update, PAGE, MEMBER);
                    post("/{ref}/delete", libraryPages::delete, PAGE, MEMBER);
                    post("/{ref}/remove", libraryPages::remove, PAGE, MEMBER);
                    post("/{ref}/import", libraryPages::importBibtex, PAGE, MEMBER);
                });
                path("/admin", () -> {
                    get("/sign-in", signIn::page, PAGE, ANYONE, NO_STORE);
                    post("/sign-in", signIn::signIn, PAGE, ANYONE);
                    get("/harvest", statusPages::harvestPage, PAGE, ADMIN);
                    get("/search", statusPages::searchPage, PAGE, ADMIN);
                    get("/digests", digestAdmin::page, PAGE, ADMIN);
                    get("/export/papers.jsonl.gz", dataExports::papers, DATA, ADMIN);
                });
                path(API, () -> {
                    get("/daily_papers", paperApi::dailyPapers, DATA, ANYONE);
                    // Before /papers/<id>, which would take "search" and "…/similar" for ids.
                    get("/papers/search", searchApi::search, DATA, ANYONE);
                    get("/papers/<id>/similar", searchApi::similar, DATA, ANYONE);
                    get("/papers/<id>", paperApi::paper, DATA, ANYONE);
                    post("/papers/<id>/upvote", upvotes::add, DATA, MEMBER);
                    delete("/papers/<id>/upvote", upvotes::remove, DATA, MEMBER);
                    get("/me", meApi::me, DATA, MEMBER);
                    get("/me/upvotes", meApi::upvotes, DATA, MEMBER);
                    get("/me/export", dataExports::memberData, DATA, MEMBER);
                    get("/openapi.json", openApi::serve, DATA, ANYONE);
                    get("/me/library", libraryApi::library, DATA, MEMBER);
                    get("/harvest/status", statusPages::harvestStatus, DATA, ADMIN);
                    get("/search/status", statusPages::searchStatus, DATA, ADMIN);
                });
                path(FEEDS, () -> {
                    get("/daily.atom", atomFeeds::daily, DATA, ANYONE);
                    get("/trending.atom", atomFeeds::trending, DATA, ANYONE);
                    get("/new.atom", atomFeeds::newest, DATA, ANYONE);
                    get("/categories/{category}", atomFeeds::category, DATA, ANYONE);
                    get("/authors/{name}", atomFeeds::author, DATA, ANYONE);
                    get("/search", atomFeeds::search, DATA, ANYONE);
                    get("/papers/<id>/comments.atom", commentFeeds::paper, DATA, ANYONE);
                    get("/collections/{file}", libraryPages::feed, DATA, ANYONE);
                });
                // Content-versioned URLs: the handler sets a lifetime of its own and its own validators.
                get("/thumbnails/<file>", thumbnailFiles::serve, DATA, ANYONE, BY_HANDLER);
                get("/healthz", ctx -> ctx.json(Map.of("status", "ok")), DATA, ANYONE, NO_STORE);
                get("/readyz", ctx -> readiness(ctx, readiness), DATA, ANYONE, NO_STORE);
                // Traffic per route, the pool and the JVM are the operator's business: Prometheus sends the token.
                get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()), DATA, ADMIN);
            });

            config.routes.before(ctx -> RequestOrigin.resolve(ctx, proxies));
            config.routes.before(Web::securityHeaders);
            config.routes.before(MalformedTargets::check);
            config.routes.before(Params::checkQuery);
            config.routes.beforeMatched(visitors::resolve);
            config.routes.beforeMatched(Web::cachePolicy);
            config.routes.beforeMatched(ctx -> checkAccess(ctx, access));
            config.routes.beforeMatched(ctx -> checkCsrf(ctx, views));
            // Only GET and HEAD routes are declared REVALIDATE (see get and post).
            config.routes.beforeMatched(ctx -> {
                if (caching(ctx) == REVALIDATE) {
                    validators.check(ctx);
                    pages.serve(ctx);
                }
            });
            config.routes.after(pages::keep);
            config.routes.exception(HttpResponseException.class, (e, ctx) -> renderError(ctx, e, views));
            config.routes.exception(RateLimitedException.class, (e, ctx) -> {
                ctx.header(Header.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
                renderError(ctx, new HttpErrorView(429, "rate_limited", null, e.getMessage()), views);
            });
            // The search engine down (Solr unreachable): a 503 to retry, never a trace; the index logs the cause once.
            config.routes.exception(IndexUnavailableException.class, (e, ctx) -> unavailable(ctx,
                    "search_unavailable", "Search is unavailable right now; please try again in a moment.", views));
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (operations.isDatabaseUnavailable().test(e)) {
                    databaseUnavailable(ctx, e, views);
                    return;
                }
                // Jetty's refusal of a body it was reading for us (broken chunks, an early end): the client's doing.
                if (e instanceof HttpException refused && refused.getCode() >= 400 && refused.getCode() < 500) {
                    renderError(ctx, new HttpResponseException(refused.getCode(), refused.getReason()), views);
                    return;
                }
                log.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
                renderError(ctx, new HttpErrorView(500, "internal_error", null,
                        "Something went wrong on our side; it has been logged."), views);
            });
        });
        try {
            javalin.start();
        } catch (RuntimeException e) {
            throw new UserFacingException("cannot listen on " + host + ":" + port
                    + " (is another process using the port?): " + Messages.rootMessage(e), e);
        }
        return new Web(javalin, pages);
    }

    /**
     * Every response, pages, data, errors and static files alike: no script runs and nothing loads from another
     * origin (the pages need no script and no inline style), no framing, no type sniffing, and other sites learn only
     * our origin from a link.
     */
    private static void securityHeaders(Context ctx) {
        // Decided here, before any handler, so that a 304 (which updates the headers a browser has stored) says
        // the same as the answer it revalidates.
        boolean feed = ctx.path().startsWith(FEEDS + "/");
        ctx.header(Header.CONTENT_SECURITY_POLICY,
                feed ? CONTENT_SECURITY_POLICY + AtomFeeds.STYLESHEET_POLICY : CONTENT_SECURITY_POLICY);
        ctx.header(Header.X_CONTENT_TYPE_OPTIONS, "nosniff");
        ctx.header(Header.REFERRER_POLICY, "strict-origin-when-cross-origin");
        // Responses are compressed when the client accepts it, so caches must keep one copy per encoding; feeds
        // also answer a browser with another type than a feed reader; a member's pages are their own.
        ctx.header(Header.VARY, feed ? "Accept, Accept-Encoding, Cookie" : "Accept-Encoding, Cookie");
        if (RequestOrigin.of(ctx).isHttps()) {
            ctx.header(Header.STRICT_TRANSPORT_SECURITY, "max-age=31536000");
        }
    }

    /**
     * Adds a GET route to the table being built, with its answer and the one role that may use it, and the same
     * route for HEAD: the same status and headers, and Jetty sends no body. Anyone's answers may be cached if
     * revalidated; a member's, moderator's or admin's never.
     */
    private static void get(String path, Handler handler, Answer answer, Role role) {
        get(path, handler, answer, role, role == ANYONE ? REVALIDATE : NO_STORE);
    }

    private static void get(String path, Handler handler, Answer answer, Role role, Caching caching) {
        add(HandlerType.GET, path, handler, answer, role, caching);
        add(HandlerType.HEAD, path, handler, answer, role, caching);
    }

    private static void post(String path, Handler handler, Answer answer, Role role) {
        add(HandlerType.POST, path, handler, answer, role, NO_STORE);
    }

    /** A POST route with a narrow exception to the form-token check (see {@link Csrf.Exemption}). */
    private static void post(String path, Handler handler, Answer answer, Role role, Csrf.Exemption exemption) {
        add(HandlerType.POST, path, handler, answer, role, NO_STORE, exemption);
    }

    private static void delete(String path, Handler handler, Answer answer, Role role) {
        add(HandlerType.DELETE, path, handler, answer, role, NO_STORE);
    }

    private static void add(HandlerType method, String path, Handler handler, Answer answer, Role role,
            Caching caching, EndpointMetadata... more) {
        var endpoint = Endpoint.create(method, prefixPath(path))
                .addMetadata(new Roles(Set.of(role)))
                .addMetadata(answer)
                .addMetadata(caching);
        for (EndpointMetadata metadata : more) {
            endpoint.addMetadata(metadata);
        }
        staticInstance().addEndpoint(endpoint.handler(handler));
    }

    /** Static files (the site's CSS and icons) match no route; their caching is set where they are served. */
    private static void cachePolicy(Context ctx) {
        if (ctx.endpoints().matchedHttpEndpoint() != null) {
            Caching caching = caching(ctx);
            if (caching == REVALIDATE) {
                ctx.header(Header.CACHE_CONTROL, Visitor.of(ctx).isSignedIn() ? "private, no-cache" : "no-cache");
            } else if (caching == NO_STORE) {
                ctx.header(Header.CACHE_CONTROL, "no-store");
            }
        }
    }

    /** How the matched route's answers may be cached; one without a declaration is never stored. */
    private static Caching caching(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        Caching declared = matched == null ? null : matched.metadata(Caching.class);
        return declared == null ? NO_STORE : declared;
    }

    /**
     * The access check, before every matched request. Static files (the site's CSS and icons) are public and match
     * no route. A route without a role is refused: a route added without one is a mistake that must not open
     * anything. A signed-in member is judged by their role alone; the admin token (or, without one, this machine)
     * stands for an admin when nobody is signed in.
     */
    private static void checkAccess(Context ctx, AdminAccess access) {
        if (ctx.endpoints().matchedHttpEndpoint() == null) {
            return;
        }
        Set<RouteRole> roles = ctx.routeRoles();
        Visitor visitor = Visitor.of(ctx);
        if (roles.contains(ANYONE)
                || roles.contains(MEMBER) && visitor.isSignedIn()
                || roles.contains(MODERATOR) && visitor.isModerator()
                || roles.contains(ADMIN) && (visitor.isAdmin() || !visitor.isSignedIn() && access.isAdmin(ctx))) {
            return;
        }
        if (roles.isEmpty()) {
            throw new IllegalStateException("the route of " + ctx.method() + " " + ctx.path() + " has no role");
        }
        if (visitor.isSignedIn()) {
            throw HttpError.forbidden(roles.contains(ADMIN) ? "This is for the instance's admins."
                    : "This is for moderators.");
        }
        if (roles.contains(ADMIN) && !access.hasToken()) {
            throw HttpError.forbidden(AdminAccess.LOOPBACK_ONLY);
        }
        if (answer(ctx) == PAGE && ctx.method() == HandlerType.GET) {
            String query = ctx.queryString();
            String here = ctx.path() + (query == null ? "" : "?" + query);
            ctx.redirect(roles.contains(ADMIN) ? SignInPages.link(here) : Links.signIn(here),
                    HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        throw roles.contains(ADMIN)
                ? HttpError.unauthorized("This needs the admin token, sent as 'Authorization: Bearer <token>'.")
                : HttpError.unauthorized("This needs a signed-in member: sign in first.");
    }

    /**
     * The form-token check before every state-changing request (see {@link Csrf}). A refused form is shown back
     * with what was typed in it, so nothing is lost; a refused {@code fetch} or API call gets a JSON 403.
     */
    private static void checkCsrf(Context ctx, Views views) {
        if (!Csrf.applies(ctx) || Csrf.isValid(ctx, Visitor.of(ctx))) {
            return;
        }
        log.warn("refused a {} {} without a valid form token", ctx.method(), ctx.path());
        if (!wantsData(ctx) && ctx.header(Csrf.HEADER) == null) {
            ctx.status(HttpStatus.FORBIDDEN);
            views.render(ctx, "form-expired.jte", FormExpiredView.of(ctx));
            ctx.skipRemainingHandlers();
            return;
        }
        throw HttpError.forbidden("This request did not carry this site's form token (header "
                + Csrf.HEADER + ", or field " + Csrf.FIELD + ").");
    }

    /**
     * Each dependency by name, with the node's status: 503 when it cannot serve (database or index down), so a load
     * balancer takes it out; 200 when it is ready or only degraded (mail or an upstream down).
     */
    private static void readiness(Context ctx, Readiness readiness) {
        Readiness.Report report = readiness.check();
        var checks = new LinkedHashMap<String, Object>();
        report.checks().forEach((name, check) -> {
            var body = new LinkedHashMap<String, Object>();
            body.put("status", check.state().key());
            body.putAll(check.details());
            checks.put(name, body);
        });
        var body = new LinkedHashMap<String, Object>();
        body.put("status", report.status().key());
        body.put("checks", checks);
        ctx.status(report.status() == Readiness.Status.UNAVAILABLE ? 503 : 200).json(body);
    }

    /**
     * What the request's route answers. A request that matched no route answers data under a data group (so
     * {@code /api/nope} is a JSON 404) and a page elsewhere.
     */
    private static Answer answer(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        Answer declared = matched == null ? null : matched.metadata(Answer.class);
        if (declared != null) {
            return declared;
        }
        String path = ctx.path();
        return DATA_GROUPS.stream().anyMatch(g -> path.equals(g) || path.startsWith(g + "/")) ? DATA : PAGE;
    }

    /**
     * Whether an error is written as JSON: on data routes, and to a script on our pages that asks for JSON only
     * (a {@code fetch} that posts a form for it).
     */
    static boolean wantsData(Context ctx) {
        String accept = ctx.header(Header.ACCEPT);
        return answer(ctx) == DATA
                || accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    /** The routes of the table: method, path and roles; for tests that hold every route to a role. */
    List<Route> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> {
                    Roles roles = e.metadata(Roles.class);
                    return new Route(e.method.name(), e.path, roles == null ? Set.of() : roles.getRoles(),
                            Optional.ofNullable(e.metadata(Csrf.Exemption.class)));
                })
                .toList();
    }

    /** The cache of anonymous answers, for tests that count its hits and bytes. */
    PageCache pageCache() {
        return pages;
    }

    /** One route of the table, with its exception to the form-token check if it has one. */
    record Route(String method, String path, Set<RouteRole> roles, Optional<Csrf.Exemption> csrfExemption) {
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
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched != null) {
            return matched.path;
        }
        return ctx.path().startsWith("/assets/") ? "/assets" : "unmatched";
    }

    /**
     * A request that needed the database while it was out of reach: a 503 the client may retry, one log line without
     * a trace (an outage fails every request the same way; /readyz says it too).
     */
    private static void databaseUnavailable(Context ctx, Exception e, Views views) {
        log.warn("{} {}: the database is unavailable: {}", ctx.method(), ctx.path(), Messages.rootMessage(e));
        unavailable(ctx, "database_unavailable",
                "The database is unavailable at the moment, so this cannot be answered; try again in a few seconds.",
                views);
    }

    /** A 503 for a dependency that is down: to retry shortly, and never kept by a cache. */
    private static void unavailable(Context ctx, String code, String message, Views views) {
        ctx.header(Header.RETRY_AFTER, Long.toString(UNAVAILABLE_RETRY_AFTER_SECONDS));
        ctx.header(Header.CACHE_CONTROL, "no-store");
        renderError(ctx, new HttpErrorView(503, code, null, message), views);
    }

    /** Our {@link HttpError}s with their code; Javalin's own (an unmatched path, say) by their status. */
    private static void renderError(Context ctx, HttpResponseException e, Views views) {
        if (e instanceof HttpError error) {
            if (error.code() == HttpError.Code.UNAUTHORIZED) {
                ctx.header(Header.WWW_AUTHENTICATE, "Bearer realm=\"Daily Papers admin\"");
            }
            renderError(ctx, new HttpErrorView(e.getStatus(), error.code().name().toLowerCase(Locale.ROOT),
                    error.parameter(), e.getMessage()), views);
            return;
        }
        HttpStatus status = HttpStatus.forStatus(e.getStatus());
        if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            // Javalin puts the path's methods ("GET, HEAD") as the one detail of its 405.
            e.getDetails().values().stream().findFirst().ifPresent(methods -> ctx.header(Header.ALLOW, methods));
        }
        String message = status == HttpStatus.NOT_FOUND ? "No such page: " + ctx.path() : status.getMessage();
        renderError(ctx, new HttpErrorView(e.getStatus(), status.name().toLowerCase(Locale.ROOT), null, message),
                views);
    }

    private static void renderError(Context ctx, HttpErrorView error, Views views) {
        Validators.clear(ctx);
        ctx.status(error.status());
        if (wantsData(ctx)) {
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

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
