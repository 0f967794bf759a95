package dailypapers.web;

import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestDatabase;
import dailypapers.ingest.ReplayServer;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperFixtures;
import dailypapers.paper.PaperRecord;
import dailypapers.store.DatabaseConfig;
import dailypapers.submission.SubmissionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The app on a fresh database of one kind, with arXiv's API answered by a loopback replay server (one try, no
 * politeness wait), for the submission and claim page tests. Close it after the test class.
 */
final class MembersApp implements AutoCloseable {

    /** Two days before the test clock's today (2026-08-22): young enough to submit. */
    static final LocalDate RECENT = LocalDate.of(2026, 8, 20);
    static final LocalDate TODAY = LocalDate.of(2026, 8, 22);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final ReplayServer arxiv = ReplayServer.start();
    final TestApp app;
    private final TestDatabase kind;
    private final DatabaseConfig database;

    MembersApp(TestDatabase kind, SubmissionSettings settings) {
        this.kind = kind;
        this.database = kind.open();
        try {
            Config base = new Config(Files.createTempDirectory("dailypapers-members"), database, "127.0.0.1", 0);
            Config upstream = Config.load(null, Map.of(
                    "DAILYPAPERS_HARVEST_ARXIV_API_URL", arxiv.baseUrl() + "/api/query",
                    "DAILYPAPERS_HARVEST_RETRY_ATTEMPTS", "1",
                    "DAILYPAPERS_HARVEST_ARXIV_DELAY_MS", "0"), Map.of());
            app = TestApp.start(base.withHarvest(upstream.harvest().withEnabled(false)).withSubmissions(settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores a paper (published {@link #RECENT} unless the builder says otherwise) and returns its id. */
    ArxivId stored(PaperFixtures.Builder paper) {
        PaperRecord record = paper.build();
        app.app().feed().papers().upsert(List.of(record));
        return record.paper().id();
    }

    ArxivId recentPaper() {
        return stored(PaperFixtures.paper().published(RECENT));
    }

    /** A form post without a session or a form token, as another site's page could send. */
    HttpResponse<String> anonymousPost(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            app.close();
            arxiv.close();
        } finally {
            kind.drop(database);
        }
    }
}
