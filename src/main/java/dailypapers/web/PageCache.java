package dailypapers.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Compressor;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Rendered answers of anyone's pages, API and feeds (the {@link Caching#REVALIDATE} routes), kept in memory for
 * anonymous visitors and written again without running the handler. An answer is keyed by its ETag, which
 * {@link Validators} makes of everything the answer is made of (the data's version read from the database on every
 * request, the search index's version, this process, the URL, {@code Accept}, the visitor's form cookie, the
 * minute), by whether the client came over TLS (HSTS), and by the content coding the client gets. So a write that
 * the pages show, on this node or any other sharing the database, changes every key: nothing stale is ever served,
 * and old entries just age out.
 *
 * <p>Kept: status 200, no {@code Set-Cookie}, an anonymous visitor without a bearer credential. The body is kept as
 * it goes out, compressed once when the client takes gzip (as Javalin would have, with its own compressor and
 * threshold), with the headers the answer had and its length, so a hit is byte for byte the answer that filled it
 * (and the answer without a cache but for framing: {@code Content-Length} rather than chunks). Bounded by the
 * bytes kept ({@code http.cache.mb}; 0 keeps nothing), least recently and frequently used first out.
 *
 * <p>A write changes every key at once, so the next moment every visitor misses together. Concurrent misses of one
 * key are collapsed: the first request builds the answer, the others wait for it (up to {@link #WAIT_FOR_FIRST})
 * and are answered with what it kept, so a page is built once per change however many ask for it.
 */
final class PageCache {

    private static final String PENDING = PageCache.class.getName();
    /** Written by Jetty for each response: never kept. */
    private static final Set<String> PER_RESPONSE = Set.of("date", "content-length", "transfer-encoding",
            "connection", "keep-alive");
    /** What an entry costs besides its body and headers: the key, the arrays, the cache's node. */
    private static final int ENTRY_OVERHEAD_BYTES = 256;

    /**
     * How long a request waits for the first request of its key to build the answer; past that it builds its own.
     * Far above any page's building time: only a stuck build reaches it.
     */
    static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(5);

    private final Cache<Key, Entry> entries;
    private final CompressionStrategy compression;
    /** The answers being built, by the first request that missed each key; later ones wait for them. */
    private final ConcurrentHashMap<Key, CompletableFuture<Entry>> building = new ConcurrentHashMap<>();
    private final LongAdder builds = new LongAdder();

    /**
     * @param maxBytes the most bytes kept; 0 keeps nothing
     * @param lifetime how long an entry can be asked for at all: its key holds the minute, so past that none can be
     */
    PageCache(long maxBytes, Duration lifetime, CompressionStrategy compression, MeterRegistry metrics) {
        this.compression = compression;
        if (maxBytes <= 0) {
            this.entries = null;
            return;
        }
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key key, Entry entry) -> entry.weight())
                .expireAfterWrite(lifetime)
                // Evicting on the request's thread keeps the bound exact without a background task.
                .executor(Runnable::run)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(metrics, entries, "pages");
    }

    /**
     * Before the handler, once the validators are set: a kept answer is written at once and the handler skipped;
     * while another request builds the same answer, this one waits for it; otherwise the request is marked so that
     * {@link #keep} stores its answer.
     */
    void serve(Context ctx) {
        String etag = ctx.res().getHeader(Header.ETAG);
        if (entries == null || etag == null || ctx.status() == HttpStatus.NOT_MODIFIED || !isShared(ctx)) {
            return;
        }
        Compressor compressor = compression.findMatchingCompressor(
                Objects.requireNonNullElse(ctx.header(Header.ACCEPT_ENCODING), ""));
        Key key = new Key(etag, RequestOrigin.of(ctx).isHttps(), compressor == null ? "" : compressor.encoding());
        Entry entry = entries.getIfPresent(key);
        if (entry == null) {
            CompletableFuture<Entry> mine = new CompletableFuture<>();
            CompletableFuture<Entry> first = building.putIfAbsent(key, mine);
            entry = first == null ? null : answerOf(key, first);
            if (entry == null) {
                builds.increment();
                ctx.attribute(PENDING, new Pending(key, compressor, first == null ? mine : null));
                return;
            }
        }
        entry.write(ctx);
        ctx.skipRemainingHandlers();
    }

    /**
     * The answer the first request of a key kept, once built; null when it kept none (not a 200, a cookie) or took
     * longer than {@link #WAIT_FOR_FIRST}, when the caller builds its own.
     */
    private Entry answerOf(Key key, CompletableFuture<Entry> first) {
        try {
            return first.get(WAIT_FOR_FIRST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            building.remove(key, first);
            return null;
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * After the handler of a marked request (and after its error, if it failed): a full answer without cookies is
     * compressed if due, kept and sent; requests waiting for it get it, or build their own when none was kept.
     */
    void keep(Context ctx) {
        Pending pending = ctx.attribute(PENDING);
        if (pending == null) {
            return;
        }
        Entry kept = null;
        try {
            kept = kept(ctx, pending);
        } finally {
            pending.finish(kept, building);
        }
    }

    private Entry kept(Context ctx, Pending pending) {
        InputStream result = ctx.resultInputStream();
        if (result == null || ctx.status() != HttpStatus.OK || ctx.res().containsHeader(Header.SET_COOKIE)
                || ctx.res().containsHeader(Header.CONTENT_ENCODING)
                || String.valueOf(ctx.res().getHeader(Header.CACHE_CONTROL)).contains("no-store")) {
            return null;
        }
        byte[] body = readAll(result);
        Compressor compressor = pending.compressor();
        if (compressor != null && body.length >= compression.getDefaultMinSizeForCompression()
                && isCompressible(ctx.res().getContentType())) {
            body = compress(compressor, body);
            ctx.header(Header.CONTENT_ENCODING, compressor.encoding());
        }
        Entry entry = new Entry(body, headers(ctx.res()));
        entries.put(pending.key(), entry);
        entry.write(ctx);
        return entry;
    }

    /** The bytes kept now, for the bound's test and the operator. */
    long bytes() {
        return entries == null ? 0 : entries.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    /** Answers written from the cache so far. */
    long hits() {
        return entries == null ? 0 : entries.stats().hitCount();
    }

    /** Answers built by their handler for the cache so far: misses that got no other request's kept answer. */
    long builds() {
        return builds.sum();
    }

    /** Answers being built now, which other requests of their key would wait for. */
    int building() {
        return building.size();
    }

    /** A signed-in member's pages are theirs alone; a bearer (a program or the operator) is not a browser. */
    private static boolean isShared(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        return !visitor.isSignedIn() && !visitor.isBearer();
    }

    /** As Javalin decides: everything but media and archives, which are compressed already. */
    private boolean isCompressible(String contentType) {
        return contentType == null || compression.getAllowedMimeTypes().contains(contentType)
                || compression.getExcludedMimeTypes().stream().noneMatch(excluded ->
                        contentType.toLowerCase(Locale.ROOT).contains(excluded.toLowerCase(Locale.ROOT)));
    }

    private static byte[] compress(Compressor compressor, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
        try (OutputStream compressed = compressor.compress(out)) {
            compressed.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] readAll(InputStream result) {
        try (result) {
            return result.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Field> headers(HttpServletResponse response) {
        List<Field> fields = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!PER_RESPONSE.contains(name.toLowerCase(Locale.ROOT))) {
                fields.add(new Field(name, List.copyOf(response.getHeaders(name))));
            }
        }
        return List.copyOf(fields);
    }

    private record Key(String etag, boolean isHttps, String contentCoding) {
    }

    /** A request building an answer to keep; {@code waiters} is set when it is the first of its key. */
    private record Pending(Key key, Compressor compressor, CompletableFuture<Entry> waiters) {

        void finish(Entry kept, ConcurrentHashMap<Key, CompletableFuture<Entry>> building) {
            if (waiters != null) {
                building.remove(key, waiters);
                waiters.complete(kept);
            }
        }
    }

    private record Field(String name, List<String> values) {
    }

    /** An answer as it went out: the body in its content coding, and every header but Jetty's own. */
    private record Entry(byte[] body, List<Field> headers) {

        void write(Context ctx) {
            HttpServletResponse response = ctx.res();
            for (Field field : headers) {
                response.setHeader(field.name(), field.values().getFirst());
                for (String value : field.values().subList(1, field.values().size())) {
                    response.addHeader(field.name(), value);
                }
            }
            // The length is known, so the body goes out in one piece rather than in chunks.
            response.setContentLength(body.length);
            ctx.result(body);
        }

        int weight() {
            int weight = ENTRY_OVERHEAD_BYTES + body.length;
            for (Field field : headers) {
                weight += field.name().length() + field.values().stream().mapToInt(String::length).sum();
            }
            return weight;
        }
    }
}
