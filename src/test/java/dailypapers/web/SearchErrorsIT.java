package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.App;
import dailypapers.TestApp;
import dailypapers.TestDatabases;
import dailypapers.job.JobScheduler;
import dailypapers.ops.Readiness;
import dailypapers.search.ForwardingSearchIndex;
import dailypapers.search.Hits;
import dailypapers.search.InvalidQueryException;
import dailypapers.search.KeywordQuery;
import dailypapers.search.ResultOrder;
import dailypapers.search.SearchIndex;
import dailypapers.search.SearchModule;
import dailypapers.store.Database;
import dailypapers.store.JdbiSearchStore;
import dailypapers.store.JdbiSimilarStore;
import dailypapers.store.JdbiSyncCheckpointStore;
import dailypapers.store.JdbiVectorStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.LoggerFactory;

/**
 * How search failures reach a client: a query search refuses is a 400 naming {@code q}, anything else (an engine's
 * {@link IllegalArgumentException} included) a 500 with the trace in the log. The engine here is the real index
 * behind one that fails on chosen words.
 */
@Isolated // alone: it reads what the web layer logs, and another class's app would log there too
class SearchErrorsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestApp app;
    private static Web web;
    private static Database database;
    private static JobScheduler jobs;
    private static final HttpClient http = HttpClient.newHttpClient();

    /** Fails on the word "refused" as an engine refuses a query, and on "broken" as a bug would. */
    private static final class FailingIndex extends ForwardingSearchIndex {

        FailingIndex(SearchIndex delegate) {
            super(delegate);
        }

        @Override
        public Hits keyword(KeywordQuery query, ResultOrder order, int offset, int limit) {
            if (query.text().contains("refused")) {
                throw new InvalidQueryException(InvalidQueryException.Reason.TOO_COMPLEX, "the query has too many"
                        + " words");
            }
            if (query.text().contains("broken")) {
                throw new IllegalArgumentException("a bug in the engine");
            }
            return super.keyword(query, order, offset, limit);
        }
    }

    @BeforeAll
    static void start() {
        app = TestApp.start();
        App a = app.app();
        database = Database.open(TestDatabases.sqlite(app.directory()), new SimpleMeterRegistry());
        jobs = new JobScheduler(database.leases(), JobScheduler.DEFAULT_LEASE);
        SearchModule failing = new SearchModule(new FailingIndex(a.search().index()), "search-sync:failing",
                Optional.empty(), a.config().search(), new JdbiSearchStore(database),
                new JdbiVectorStore(database, TestApp.FIXED_CLOCK), new JdbiSimilarStore(database, TestApp.FIXED_CLOCK),
                new JdbiSyncCheckpointStore(database), TestApp.FIXED_CLOCK, jobs);
        web = Web.start(new Web.Settings("127.0.0.1", 0, Optional.empty(), TrustedProxies.none(),
                a.config().serverLimits(), a.config().httpCacheBytes()), a.feed(),
                failing, a.ingest(), a.thumbnails(), a.community(),
                new Web.Operations(TestApp.FIXED_CLOCK, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                        new Readiness(database::whyUnreachable, failing.index(), a.mail(), a.ingest().monitor()),
                        Database::isUnavailable));
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.close();
            jobs.close();
            database.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aQueryTheEngineRefusesIsABadRequestNamingQ() throws Exception {
        for (String path : new String[] {"/api/papers/search?q=refused+words", "/feeds/search?q=refused+words"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.path("parameter").asText()).isEqualTo("q");
            assertThat(error.path("error").asText()).contains("too many words");
        }
        HttpResponse<String> page = get("/search?q=refused+words");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("invalid parameter 'q': the query has too many words");
    }

    @Test
    void anyOtherFailureIsAServerErrorWithItsTraceInTheLog() throws Exception {
        Logger webLog = (Logger) LoggerFactory.getLogger(Web.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        webLog.addAppender(logged);
        try {
            for (String path : new String[] {"/api/papers/search?q=broken", "/search?q=broken",
                    "/feeds/search?q=broken"}) {
                HttpResponse<String> response = get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(500);
                assertThat(response.body()).doesNotContain("a bug in the engine").doesNotContain("Exception");
            }
        } finally {
            webLog.detachAppender(logged);
        }
        assertThat(logged.list).hasSize(3).allSatisfy(event -> {
            assertThat(event.getThrowableProxy()).isNotNull();
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("a bug in the engine");
        });
    }
}
