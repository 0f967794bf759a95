package dailypapers;

import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.account.Session;
import dailypapers.embedding.Encoder;
import dailypapers.ingest.ImportListener;
import dailypapers.search.EmbeddingJob;
import dailypapers.ingest.ImportSummary;
import dailypapers.store.DatabaseConfig;
import dailypapers.web.Web;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real application for integration tests: a real database (SQLite file by default), the web server on a free
 * loopback port, and an HTTP client. Close it after the test class.
 */
public final class TestApp implements AutoCloseable {

    /** The day after the newest featured day in the sample, so trending has a stable "now". */
    public static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2026-08-22T12:00:00Z"), ZoneOffset.UTC);

    private final App app;
    private final Web web;
    private final Path directory;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger members = new AtomicInteger();

    private TestApp(App app, Web web, Path directory) {
        this.app = app;
        this.web = web;
        this.directory = directory;
    }

    /** Starts on a fresh SQLite file in a temporary directory. */
    public static TestApp start() {
        try {
            Path directory = Files.createTempDirectory("dailypapers-test");
            return start(TestDatabases.sqlite(directory), directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestApp start(DatabaseConfig database, Path directory) {
        return start(new Config(directory, database, "127.0.0.1", 0));
    }

    /** Starts with an embedding model (a test one: the real model is not under test here). */
    public static TestApp start(DatabaseConfig database, Path directory, Optional<Encoder> encoder) {
        return start(new Config(directory, database, "127.0.0.1", 0), encoder);
    }

    /** Starts with these settings; harvesting runs on its schedule when they enable it. */
    public static TestApp start(Config config) {
        return start(config, Optional.empty());
    }

    /** Starts with these settings and an embedding model (a test one). */
    public static TestApp start(Config config, Optional<Encoder> encoder) {
        App app = App.open(config, FIXED_CLOCK, encoder);
        return new TestApp(app, app.serve(), config.dataDir());
    }

    /** Starts on SQLite with the 1,000-paper sample imported. */
    public static TestApp withSample() {
        TestApp testApp = start();
        testApp.importFile(TestData.sample());
        return testApp;
    }

    /** The sample with a test embedding model, every paper embedded. */
    public static TestApp withSample(Encoder encoder) {
        try {
            Path directory = Files.createTempDirectory("dailypapers-test");
            TestApp testApp = start(TestDatabases.sqlite(directory), directory, Optional.of(encoder));
            testApp.importFile(TestData.sample());
            // Large batches: the test encoder is instant, so index refreshes per batch would be the cost.
            new EmbeddingJob(testApp.app().search().vectors(), encoder, testApp.app().search().indexer(), 1, 500, Clock.systemUTC())
                    .run(Long.MAX_VALUE);
            return testApp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ImportSummary importFile(Path file) {
        try {
            return app.importFile(file, ImportListener.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public App app() {
        return app;
    }

    public Web web() {
        return web;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + web.port();
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).GET().build());
    }

    public HttpResponse<String> head(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).HEAD().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return TestHttp.send(http, request);
    }

    /**
     * A new member with {@code role}, signed in through the account service (a real session in the database);
     * emails and handles are numbered so that a test can make many.
     */
    public TestMember member(Role role) {
        int n = members.incrementAndGet();
        String handle = role.key() + "-" + n;
        String password = "correct horse battery " + n;
        Member member = app.accounts().service().create(handle + "@example.org", handle, "Test " + role.key() + " " + n,
                password, role);
        Session session = app.accounts().service().signIn(member.email().value(), password).orElseThrow();
        return new TestMember(this, member, session, password);
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        web.close();
        app.close();
    }
}
