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
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The app on a fresh database of one kind, with arXiv's API answered by a loopback replay server (one try, no
 * politeness wait), for the submission and claim page tests. Close it after the test class.
 */
final class MembersApp implements AutoCloseable {

    /** Two days before the test clock's today (2026-08-22): young enough to submit. */
    static final LocalDate RECENT = LocalDate.of(2026, 8, 20);
    static final LocalDate TODAY = LocalDate.of(2026, 8, 22);

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

    /**
     * An anonymous visitor's form post, with the form token the sign-in page gave them, so that what refuses it is
     * the route's role, not the token.
     */
    HttpResponse<String> anonymousPost(String path, Map<String, String> fields) {
        return new TestBrowser(app.baseUrl()).submit("/sign-in", path, fields);
    }

    DatabaseConfig database() {
        return database;
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
