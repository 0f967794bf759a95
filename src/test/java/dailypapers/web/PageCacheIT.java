package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestData;
import dailypapers.TestDatabases;
import dailypapers.TestMember;
import dailypapers.account.Role;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperFixtures;
import dailypapers.paper.PaperRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The page cache over real HTTP, against the same sample served without it: a kept answer is the uncached answer
 * byte for byte, a write shows at once, members never share an answer, and the bytes kept stay under the bound.
 * Every write goes to both apps, so their answers stay comparable whatever order the tests run in.
 */
class PageCacheIT {

    private static final String PAPER = "2312.17653";
    /** The newest featured day of the sample: the home page's. */
    private static final LocalDate LATEST = LocalDate.of(2026, 8, 21);
    /** Transport and per-process headers: everything else must be equal. */
    private static final Set<String> FRAMING = Set.of("date", "etag", "content-length", "transfer-encoding");

    private static TestApp cached;
    private static TestApp uncached;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        cached = TestApp.withSample();
        uncached = sample(0);
    }

    @AfterAll
    static void stop() {
        cached.close();
        uncached.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/papers/date/2026-08-07", "/papers/week/2026-W32", "/papers/month/2026-08",
            "/papers/month/2026-08?p=1", "/papers/" + PAPER, "/trending", "/new", "/new/2026-08-20",
            "/categories/cs.CV", "/authors/Dahua%20Lin", "/search?q=diffusion", "/about", "/api/daily_papers",
            "/api/daily_papers?month=2026-08&limit=5&p=1", "/api/daily_papers?date=2026-08-07",
            "/api/papers/" + PAPER, "/api/papers/search?q=diffusion", "/api/openapi.json", "/feeds/trending.atom",
            "/feeds/daily.atom?month=2026-08", "/feeds/new.atom", "/feeds/categories/cs.CV"})
    void aKeptAnswerIsTheUncachedAnswerByteForByteInEitherCoding(String path) {
        for (String coding : List.of("identity", "gzip")) {
            HttpResponse<byte[]> plain = send(uncached, path, coding, "GET");
            HttpResponse<byte[]> filled = send(cached, path, coding, "GET");
            long hits = hits();
            HttpResponse<byte[]> kept = send(cached, path, coding, "GET");

            assertThat(hits()).as(path + " " + coding + " answered from the cache").isEqualTo(hits + 1);
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(kept.body()).as(path + " " + coding).isEqualTo(filled.body());
            assertThat(withoutDate(kept)).as(path + " " + coding).isEqualTo(withoutDate(filled));
            assertThat(comparable(kept, cached)).as(path + " " + coding).isEqualTo(comparable(plain, uncached));
            assertThat(text(kept, cached)).as(path + " " + coding).isEqualTo(text(plain, uncached));
        }
    }

    @Test
    void concurrentRequestsOfAnAnswerNotKeptYetBuildItOnceAndAllGetIt() {
        PageCache pages = cached.web().pageCache();
        long builds = pages.builds();

        List<HttpResponse<byte[]>> answers = concurrently(cached, "/search?q=collapsed+misses+of+one+page", 16);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(answers).extracting(HttpResponse::body).allSatisfy(body ->
                assertThat(body).isEqualTo(answers.getFirst().body()));
        assertThat(pages.builds()).as("one build for 16 requests, however they overlapped").isEqualTo(builds + 1);
        assertThat(pages.building()).isZero();
    }

    @Test
    void concurrentRequestsOfAnAnswerNeverKeptEachGetTheirOwnAndNoneIsLeftWaiting() {
        List<HttpResponse<byte[]>> answers = concurrently(cached, "/papers/2101.00001", 8);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(404));
        assertThat(cached.web().pageCache().building()).as("a failed build releases its key").isZero();
    }

    @Test
    void aGzipAnswerIsCompressedAsJavalinCompressesIt() {
        HttpResponse<byte[]> plain = send(uncached, "/papers/" + PAPER, "gzip", "GET");
        send(cached, "/papers/" + PAPER, "gzip", "GET");
        HttpResponse<byte[]> kept = send(cached, "/papers/" + PAPER, "gzip", "GET");

        assertThat(kept.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(kept.body()).isEqualTo(plain.body());
    }

    @Test
    void aVoteOrAnImportShowsOnTheNextAnswer() {
        String path = "/api/papers/" + PAPER;
        send(cached, path, "identity", "GET");
        String before = new String(send(cached, path, "identity", "GET").body(), StandardCharsets.UTF_8);

        both(app -> app.app().feed().papers().addVote(ArxivId.parse(PAPER), "page-cache-it"));
        long hits = hits();
        String after = new String(send(cached, path, "identity", "GET").body(), StandardCharsets.UTF_8);

        assertThat(hits()).isEqualTo(hits);
        assertThat(upvotes(after)).isEqualTo(upvotes(before) + 1);

        send(cached, "/", "identity", "GET");
        assertThat(new String(send(cached, "/", "identity", "GET").body(), StandardCharsets.UTF_8))
                .doesNotContain("A paper the page cache has not seen");
        PaperRecord imported = PaperFixtures.paper().title("A paper the page cache has not seen").upvotes(10_000)
                .featuredOn(LATEST).build();
        both(app -> app.app().feed().papers().upsert(List.of(imported)));

        assertThat(new String(send(cached, "/", "identity", "GET").body(), StandardCharsets.UTF_8))
                .contains("A paper the page cache has not seen");
    }

    @Test
    void membersNeverGetAnAnonymousAnswerNorAnotherMembersAndSeeTheirOwnUpvotes() {
        String path = "/papers/date/" + LATEST;
        send(cached, path, "identity", "GET");
        String anonymous = new String(send(cached, path, "identity", "GET").body(), StandardCharsets.UTF_8);
        TestMember ada = cached.member(Role.MEMBER);
        TestMember bob = cached.member(Role.MEMBER);
        String card = PageFixtures.cardIds(anonymous).getFirst();
        ada.postForm("/papers/" + card + "/upvote", Map.of("action", "add"));
        uncached.app().feed().papers().addVote(ArxivId.parse(card), "as-ada-did");

        long hits = hits();
        HttpResponse<String> adas = ada.get(path);
        HttpResponse<String> bobs = bob.get(path);
        HttpResponse<String> adasAgain = ada.get(path);

        assertThat(hits()).as("no member's answer comes from the page cache").isEqualTo(hits);
        assertThat(adas.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        assertThat(adas.body()).contains(ada.member().displayName().value()).doesNotContain(
                bob.member().displayName().value()).isNotEqualTo(anonymous);
        assertThat(bobs.body()).contains(bob.member().displayName().value())
                .doesNotContain(ada.member().displayName().value());
        assertThat(adasAgain.body()).isEqualTo(adas.body());
        assertThat(pressed(adas.body(), card)).isTrue();
        assertThat(pressed(bobs.body(), card)).isFalse();
        // The anonymous page after the vote is a new one, with the new count.
        assertThat(new String(send(cached, path, "identity", "GET").body(), StandardCharsets.UTF_8))
                .isNotEqualTo(anonymous);
    }

    @Test
    void aHeadFillsTheCacheForTheGetAndAnswersLikeIt() {
        String path = "/papers/week/2026-W33";
        HttpResponse<byte[]> plainHead = send(uncached, path, "gzip", "HEAD");
        HttpResponse<byte[]> head = send(cached, path, "gzip", "HEAD");
        long hits = hits();
        HttpResponse<byte[]> get = send(cached, path, "gzip", "GET");
        HttpResponse<byte[]> headAgain = send(cached, path, "gzip", "HEAD");

        assertThat(hits()).isEqualTo(hits + 2);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(headAgain.body()).isEmpty();
        assertThat(comparable(head, cached)).isEqualTo(comparable(plainHead, uncached));
        assertThat(comparable(headAgain, cached)).isEqualTo(comparable(get, cached));
        assertThat(text(get, cached)).isEqualTo(text(send(uncached, path, "gzip", "GET"), uncached));
    }

    @Test
    void theBytesKeptStayWithinTheBoundAndTheOldestGo() {
        long bound = 300_000;
        TestApp small = sample(bound);
        try {
            long served = 0;
            for (int page = 0; page < 10; page++) {
                served += send(small, "/api/daily_papers?limit=100&p=" + page, "identity", "GET").body().length;
            }
            PageCache pages = small.web().pageCache();

            assertThat(served).isGreaterThan(2 * bound);
            assertThat(pages.bytes()).isPositive().isLessThanOrEqualTo(bound);
        } finally {
            small.close();
        }
    }

    @Test
    void aZeroBoundKeepsNothing() {
        send(uncached, "/", "identity", "GET");
        send(uncached, "/", "identity", "GET");

        assertThat(uncached.web().pageCache().hits()).isZero();
        assertThat(uncached.web().pageCache().bytes()).isZero();
    }

    /** The sample on a fresh SQLite file, with this many bytes for the page cache. */
    private static TestApp sample(long cacheBytes) {
        try {
            Path directory = Files.createTempDirectory("dailypapers-page-cache");
            TestApp app = TestApp.start(new Config(directory, TestDatabases.sqlite(directory), "127.0.0.1", 0)
                    .withHttpCacheBytes(cacheBytes));
            app.importFile(TestData.sample());
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A write done to both apps alike, so that their answers stay comparable for the other tests. */
    private static void both(Consumer<TestApp> write) {
        write.accept(cached);
        write.accept(uncached);
    }

    private static long hits() {
        return cached.web().pageCache().hits();
    }

    private HttpResponse<byte[]> send(TestApp app, String path, String coding, String method) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Accept-Encoding", coding).method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code count} GETs of one path sent at once, their answers in order. */
    private List<HttpResponse<byte[]>> concurrently(TestApp app, String path, int count) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).GET().build();
        List<CompletableFuture<HttpResponse<byte[]>>> sent = IntStream.range(0, count)
                .mapToObj(i -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())).toList();
        return sent.stream().map(CompletableFuture::join).toList();
    }

    /** Every header but the moment's date, exactly: a kept answer against the one that filled the cache. */
    private static Map<String, List<String>> withoutDate(HttpResponse<?> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("date"));
        return headers;
    }

    /** The headers but framing and the per-process tag, with the app's address made neutral. */
    private static Map<String, List<String>> comparable(HttpResponse<?> response, TestApp app) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name.toLowerCase(Locale.ROOT), values.stream().map(v -> neutral(v, app)).toList());
            }
        });
        return headers;
    }

    /** The body as text, decompressed if it came compressed, with the app's address made neutral. */
    private static String text(HttpResponse<byte[]> response, TestApp app) {
        byte[] body = response.body();
        if (response.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent()) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return neutral(new String(body, StandardCharsets.UTF_8), app);
    }

    private static String neutral(String text, TestApp app) {
        return text.replace(app.baseUrl().substring("http://".length()), "host");
    }

    private static int upvotes(String json) {
        Matcher m = Pattern.compile("\"upvotes\":(\\d+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Whether the upvote button of this paper's card is pressed. */
    private static boolean pressed(String html, String id) {
        int at = html.indexOf("action=\"/papers/" + id + "/upvote\"");
        assertThat(at).as("the upvote form of " + id).isNotNegative();
        int button = html.indexOf("aria-pressed=\"", at);
        return html.startsWith("aria-pressed=\"true\"", button);
    }
}
