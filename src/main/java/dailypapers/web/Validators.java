package dailypapers.web;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * HTTP validators for anyone's answers, known before the answer is built: a weak ETag made of what the answer is
 * made of (this process's templates and settings, the stored data's version, the search index's version, the
 * request's URL and host, its {@code Accept} (feeds answer browsers with another type), the visitor (a member's
 * page is theirs alone) and the minute, since a few things on a page follow the clock: a calendar marks today, a
 * card's date leaves out the current year, an empty feed is updated now), so a conditional request that still
 * matches is a 304 and no page is built for it. Built from versions, not from the body: hashing each body halved
 * throughput (docs/benchmarks.md).
 */
final class Validators {

    /** Answers within one minute may differ only by what follows the clock: equivalent, hence weak. */
    private static final long TIME_STEP_MS = 60_000;
    private static final String SHARED = Validators.class.getName() + ".shared";
    /** How long one tag can be current: after that the minute in it has passed. */
    static final Duration LIFETIME = Duration.ofMillis(TIME_STEP_MS);

    private final LongSupplier dataVersion;
    private final Supplier<String> indexVersion;
    private final Clock clock;
    /** Another process may render the same data differently (a new release, other settings). */
    private final String process = UUID.randomUUID().toString();

    Validators(LongSupplier dataVersion, Supplier<String> indexVersion, Clock clock) {
        this.dataVersion = dataVersion;
        this.indexVersion = indexVersion;
        this.clock = clock;
    }

    /**
     * Sets the ETag of a GET or HEAD and answers 304 at once when {@code If-None-Match} names it. The versions
     * are read before the answer's data, so an answer can be newer than its tag but never older.
     */
    void check(Context ctx) {
        String etag = etag(ctx);
        ctx.header(Header.ETAG, etag);
        if (matches(ctx.header(Header.IF_NONE_MATCH), etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            ctx.skipRemainingHandlers();
        }
    }

    /** An error answer carries no validator: it must not be revalidated as if it were the page. */
    static void clear(Context ctx) {
        ctx.res().setHeader(Header.ETAG, null);
    }

    /**
     * What this request's answer is made of but the visitor: for views that are the same for every visitor of the
     * same data ({@link SharedViews}); null when the route has no validators.
     */
    static String sharedVersion(Context ctx) {
        return ctx.attribute(SHARED);
    }

    private String etag(Context ctx) {
        String query = ctx.queryString();
        String shared = String.join("\n", process, Long.toString(dataVersion.getAsLong()), indexVersion.get(),
                Long.toString(clock.millis() / TIME_STEP_MS), ctx.scheme(), ctx.host(), ctx.req().getRequestURI(),
                query == null ? "" : query, String.valueOf(ctx.header(Header.ACCEPT)));
        ctx.attribute(SHARED, shared);
        byte[] digest = AdminToken.sha256(shared + "\n" + Visitor.of(ctx).cacheKey());
        return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
    }

    /**
     * RFC 9110's weak comparison: any listed tag equal to ours, ignoring {@code W/}. A {@code *} matches only when
     * an answer exists, which is unknown before it is built (the URL may be a 404), so it never matches here: the
     * full answer is always correct.
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = opaque(etag);
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .anyMatch(tag -> opaque(tag).equals(opaque));
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
