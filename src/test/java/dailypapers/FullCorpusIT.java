package dailypapers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dailypapers.ingest.ImportSummary;
import dailypapers.store.DatabaseConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance check of the core: the full 81,070-paper corpus imports with no rejects into SQLite and into
 * PostgreSQL, and the home page shows its latest featured day with the right number of papers.
 */
@Order(Order.DEFAULT + 1) // one of the suite's longest: started early (see the test configuration in pom.xml)
class FullCorpusIT {

    private static final int CORPUS_SIZE = 81_070;

    /** The corpus and the day the home page must show, with its number of featured papers. */
    private record Expected(Path corpus, Map.Entry<String, Integer> latestDay) {
    }

    private static Expected expected;

    /**
     * Read once, by the first test that runs; in a test rather than a {@code @BeforeAll}, so that each test, not the
     * class unseen, is reported skipped when ../shared is missing.
     */
    private static synchronized Expected expected() throws IOException {
        if (expected == null) {
            Path corpus = SharedData.corpus();
            TreeMap<String, Integer> featuredPerDay = new TreeMap<>();
            ObjectMapper json = new ObjectMapper();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(corpus)), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    JsonNode day = json.readTree(line).get("hf_daily_date");
                    if (!day.isNull()) {
                        featuredPerDay.merge(day.asText(), 1, Integer::sum);
                    }
                }
            }
            expected = new Expected(corpus, featuredPerDay.lastEntry());
        }
        return expected;
    }

    @Test
    void fullCorpusOnSqlite(@TempDir Path dir) throws IOException {
        check(expected(), TestDatabases.sqlite(dir), dir);
    }

    @Test
    void fullCorpusOnPostgres(@TempDir Path dir) throws IOException {
        Expected wanted = expected();
        DatabaseConfig database = TestDatabases.freshPostgres();
        try {
            check(wanted, database, dir);
        } finally {
            TestDatabases.dropPostgres(database);
        }
    }

    private static void check(Expected wanted, DatabaseConfig database, Path dir) {
        Map.Entry<String, Integer> latestDay = wanted.latestDay();
        try (TestApp app = TestApp.start(database, dir)) {
            ImportSummary summary = app.importFile(wanted.corpus());
            assertThat(summary.read()).isEqualTo(CORPUS_SIZE);
            assertThat(summary.inserted()).isEqualTo(CORPUS_SIZE);
            assertThat(summary.rejected()).isZero();
            assertThat(app.app().feed().papers().counts().papers()).isEqualTo(CORPUS_SIZE);

            var home = app.app().feed().feed().featured(
                    dailypapers.feed.Period.day(app.app().feed().feed().latestFeaturedDay().orElseThrow()), 0, 100);
            assertThat(home.period().key()).isEqualTo(latestDay.getKey());
            assertThat(home.page().total()).isEqualTo(latestDay.getValue());
            assertThat(app.get("/").body()).contains(latestDay.getValue() + " papers featured on this day");
        }
    }
}
