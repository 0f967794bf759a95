package dailypapers.feed;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestApp;
import dailypapers.TestDatabases;
import dailypapers.paper.PaperRecord;
import dailypapers.store.Database;
import dailypapers.store.JdbiPaperStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Trending over a real database, with more featured papers in its window than any cap would hold. */
class FeedServiceIT {

    private static final LocalDate LATEST = LocalDate.of(2026, 8, 21);
    /** More than the 5,000 rows trending used to load (and silently cut) per request. */
    private static final int OLD_PAPERS = 6_000;

    private static Database database;
    private static FeedService feed;
    private static PaperRecord fresh;

    @BeforeAll
    static void start() throws IOException {
        database = Database.open(TestDatabases.sqlite(Files.createTempDirectory("dailypapers-feed")),
                new SimpleMeterRegistry());
        JdbiPaperStore store = new JdbiPaperStore(database, TestApp.FIXED_CLOCK);
        List<PaperRecord> records = new ArrayList<>();
        for (int i = 0; i < OLD_PAPERS; i++) {
            // Featured six days earlier with many upvotes: each outvotes the fresh paper, none outscores it.
            records.add(paper().featuredOn(LATEST.minusDays(6)).upvotes(30).build());
        }
        fresh = paper().featuredOn(LATEST).upvotes(5).build();
        records.add(fresh);
        store.upsert(records);
        feed = new FeedService(store);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void trendingRanksEveryPaperInItsWindowNotOnlyTheMostUpvoted() {
        Page<FeedService.Trending> first = feed.trending(0, 10);

        assertThat(first.total()).isEqualTo(OLD_PAPERS + 1);
        assertThat(first.items()).hasSize(10);
        FeedService.Trending top = first.items().getFirst();
        assertThat(top.entry().paper().id()).isEqualTo(fresh.paper().id());
        assertThat(top.entry().paper().title()).isEqualTo(fresh.paper().title());
        assertThat(top.score()).isEqualTo(TrendingScore.score(5, top.entry().featuring().orElseThrow().at()));
    }

    @Test
    void theLastPageHoldsTheLowestScoresAndPagesVisitEveryPaperOnce() {
        int pageSize = 100;
        List<String> ids = new ArrayList<>();
        double previous = Double.POSITIVE_INFINITY;
        for (int page = 0; page * pageSize < OLD_PAPERS + 1; page++) {
            for (FeedService.Trending t : feed.trending(page, pageSize).items()) {
                assertThat(t.score()).isLessThanOrEqualTo(previous);
                previous = t.score();
                ids.add(t.entry().paper().id().value());
            }
        }
        assertThat(ids).hasSize(OLD_PAPERS + 1).doesNotHaveDuplicates();
        assertThat(feed.trending(OLD_PAPERS / pageSize + 1, pageSize).items()).isEmpty();
    }
}
