package dailypapers.store;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.TestDatabases;
import dailypapers.feed.TrendingScore;
import dailypapers.ingest.TestClock;
import dailypapers.paper.ArxivId;
import dailypapers.paper.FeaturedQuery;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperEntry;
import dailypapers.paper.PaperRecord;
import dailypapers.paper.PaperStore;
import dailypapers.paper.PaperStore.StoreCounts;
import dailypapers.paper.UpsertCounts;
import dailypapers.search.SearchStore.Change;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link dailypapers.paper.PaperStore} must do; run against SQLite and PostgreSQL. */
abstract class PaperStoreContract extends DatabaseContract {

    private static final LocalDate MON = LocalDate.of(2026, 8, 17);
    private static final LocalDate TUE = MON.plusDays(1);
    private static final LocalDate THU = MON.plusDays(3);

    private final TestClock clock = new TestClock(Instant.parse("2026-08-22T12:00:00Z"));
    private final TestDatabase kind;
    protected JdbiPaperStore store;

    protected PaperStoreContract(TestDatabase kind) {
        super(kind);
        this.kind = kind;
    }

    @BeforeEach
    void open() {
        store = new JdbiPaperStore(database(), clock);
    }

    @Test
    void roundTripsEveryField() {
        Paper original = new Paper(ArxivId.parse("2608.19880"), "EnvHarness: <Static> Worlds & \"Agents\"",
                "An abstract with ünïcödé and 漢字.", List.of("Chengsong Huang", "Zoë O'Brien"),
                LocalDate.of(2026, 8, 20), LocalDate.of(2026, 8, 21), 2, List.of("cs.AI", "cs.LG"),
                "12 pages", "10.1/abc", "J. Test 1 (2026)", "https://github.com/google-research/envharness",
                "https://envharness.com/", List.of("LLM agents"), List.of("hf", "arxiv"));
        store.upsert(List.of(new PaperRecord(original, 163, 1, LocalDate.of(2026, 8, 21), "hf")));

        PaperEntry entry = store.find(original.id()).orElseThrow();
        assertThat(entry.paper()).isEqualTo(original);
        assertThat(entry.upvotes()).isEqualTo(163);
        assertThat(entry.numComments()).isEqualTo(1);
        assertThat(entry.featuring()).hasValueSatisfying(f -> {
            assertThat(f.day()).isEqualTo(LocalDate.of(2026, 8, 21));
            assertThat(f.submittedBy()).isEqualTo("hf");
        });
        assertThat(store.find(ArxivId.parse("2608.00001"))).isEmpty();
    }

    @Test
    void importingTheSameRecordsTwiceChangesNothing() {
        List<PaperRecord> records = List.of(paper().build(), paper().featuredOn(MON).upvotes(3).build());
        assertThat(store.upsert(records)).isEqualTo(new UpsertCounts(2, 0, 0));
        assertThat(store.upsert(records)).isEqualTo(new UpsertCounts(0, 0, 2));
        assertThat(store.counts()).isEqualTo(new StoreCounts(2, 1));
    }

    @Test
    void aChangedRecordUpdatesTitleAuthorsAndCategories() {
        var builder = paper().title("Old title").authors("A", "B").categories("cs.CL");
        store.upsert(List.of(builder.build()));
        PaperRecord changed = builder.title("New title").authors("C").categories("cs.CV", "cs.AI").build();

        assertThat(store.upsert(List.of(changed))).isEqualTo(new UpsertCounts(0, 1, 0));

        Paper stored = store.find(changed.paper().id()).orElseThrow().paper();
        assertThat(stored.title()).isEqualTo("New title");
        assertThat(stored.authors()).containsExactly("C");
        assertThat(store.countByAuthor("A")).isZero();
        assertThat(store.countByAuthor("C")).isEqualTo(1);
        assertThat(store.countInCategory("cs.CL")).isZero();
        assertThat(store.countInCategory("cs.AI")).isEqualTo(1);
    }

    @Test
    void anOlderRevisionNeverOverwritesANewerOne() {
        var builder = paper().title("Version 3").version(3).updated(LocalDate.of(2026, 3, 1));
        store.upsert(List.of(builder.build()));
        PaperRecord stale = builder.title("Version 2").version(2).updated(LocalDate.of(2026, 2, 1)).build();

        assertThat(store.upsert(List.of(stale))).isEqualTo(new UpsertCounts(0, 0, 1));
        assertThat(store.find(stale.paper().id()).orElseThrow().paper().title()).isEqualTo("Version 3");
    }

    @Test
    void upstreamFieldsLeftOutDoNotEraseKnownCommunityData() {
        var builder = paper().upvotes(40).numComments(2).featuredOn(MON);
        store.upsert(List.of(builder.build()));
        store.upsert(List.of(builder.title("Retitled").upvotes(null).numComments(null).featuredOn(null).build()));

        PaperEntry entry = store.find(builder.build().paper().id()).orElseThrow();
        assertThat(entry.paper().title()).isEqualTo("Retitled");
        assertThat(entry.upvotes()).isEqualTo(40);
        assertThat(entry.numComments()).isEqualTo(2);
        assertThat(entry.featuring()).isPresent();
    }

    @Test
    void duplicateIdsInOneBatchKeepTheLastAndCountEveryRecord() {
        var builder = paper().title("First");
        UpsertCounts counts = store.upsert(List.of(builder.build(), builder.title("Second").build()));
        assertThat(counts.inserted() + counts.updated() + counts.unchanged()).isEqualTo(2);
        assertThat(store.find(builder.build().paper().id()).orElseThrow().paper().title()).isEqualTo("Second");
    }

    @Test
    void featuredPapersRankByUpvotesWithTiesBrokenById() {
        PaperRecord low = paper().id("2608.00010").featuredOn(TUE).upvotes(5).build();
        PaperRecord tieA = paper().id("2608.00011").featuredOn(TUE).upvotes(9).build();
        PaperRecord tieB = paper().id("2608.00012").featuredOn(TUE).upvotes(9).build();
        PaperRecord otherDay = paper().featuredOn(MON).upvotes(100).build();
        store.upsert(List.of(low, tieA, tieB, otherDay));

        List<String> ids = store.featured(FeaturedQuery.between(TUE, TUE.plusDays(1)), 0, 10).stream()
                .map(e -> e.paper().id().value()).toList();
        assertThat(ids).containsExactly("2608.00012", "2608.00011", "2608.00010");
        assertThat(store.countFeatured(FeaturedQuery.between(MON, THU))).isEqualTo(4);
    }

    @Test
    void anUpstreamUpvoteChangeReordersTheDay() {
        var rising = paper().id("2608.00020").featuredOn(TUE).upvotes(2);
        store.upsert(List.of(rising.build(), paper().id("2608.00021").featuredOn(TUE).upvotes(5).build()));
        store.upsert(List.of(rising.upvotes(9).featuredOn(null).build()));

        assertThat(store.featured(FeaturedQuery.between(TUE, TUE.plusDays(1)), 0, 10))
                .extracting(e -> e.paper().id().value(), PaperEntry::upvotes)
                .containsExactly(tuple("2608.00020", 9),
                        tuple("2608.00021", 5));
    }

    @Test
    void featuredIdsAreEverySelectedPaperInTheQuerysOrder() {
        store.upsert(List.of(paper().id("2608.00030").featuredOn(TUE).upvotes(7).build(),
                paper().id("2608.00031").featuredOn(MON).upvotes(3).build(),
                paper().id("2608.00032").featuredOn(THU).upvotes(1).build(),
                paper().id("2608.00033").build()));

        assertThat(store.featuredIds(FeaturedQuery.between(MON, THU))).extracting(ArxivId::value)
                .containsExactly("2608.00030", "2608.00031");
        assertThat(store.featuredIds(trending(MON, THU.plusDays(1)))).extracting(ArxivId::value)
                .containsExactly("2608.00032", "2608.00030", "2608.00031");
    }

    @Test
    void everyWriteOfUpvotesOrOfTheFeaturedInstantRescoresTheFeaturedRow() {
        var imported = paper().featuredOn(MON).upvotes(7);
        ArxivId id = imported.build().paper().id();
        store.upsert(List.of(imported.build()));
        assertScored(id, 7, MON);

        store.upsert(List.of(imported.upvotes(20).build()));
        assertScored(id, 20, MON);
        store.upsert(List.of(imported.title("Retitled").upvotes(null).featuredOn(TUE).build()));
        assertScored(id, 20, TUE);
        store.addVote(id, "alice");
        assertScored(id, 21, TUE);
        store.removeVote(id, "alice");
        assertScored(id, 20, TUE);

        var votedFirst = paper().upvotes(3);
        ArxivId later = votedFirst.build().paper().id();
        store.upsert(List.of(votedFirst.build()));
        store.addVote(later, "alice");
        store.upsert(List.of(votedFirst.featuredOn(THU).build()));
        assertScored(later, 4, THU);
    }

    /** The featured row shows {@code upvotes} and carries exactly the score of them and the day's start. */
    private void assertScored(ArxivId id, int upvotes, LocalDate day) {
        Instant featuredAt = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Object> row = database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT upvotes, featured_at, trending FROM featured WHERE paper_id = :id")
                .bind("id", id.value()).mapToMap().one());
        assertThat(((Number) row.get("upvotes")).intValue()).isEqualTo(upvotes);
        assertThat(row.get("featured_at")).isEqualTo(featuredAt.toString());
        assertThat(((Number) row.get("trending")).doubleValue()).isEqualTo(TrendingScore.score(upvotes, featuredAt));
    }

    @Test
    void trendingRanksByTheScoreOfEachRowThenNewerIdAndAVoteMovesAPaperUpAtOnce() {
        store.upsert(List.of(paper().id("2608.00050").featuredOn(MON).upvotes(60).build(),
                paper().id("2608.00051").featuredOn(TUE).upvotes(5).build(),
                paper().id("2608.00052").featuredOn(TUE).upvotes(5).build(),
                paper().id("2608.00053").featuredOn(TUE).upvotes(20).build(),
                paper().id("2608.00054").featuredOn(THU).upvotes(0).build(),
                paper().id("2608.00055").featuredOn(MON.minusDays(1)).upvotes(900).build()));
        FeaturedQuery window = trending(MON, THU.plusDays(1));

        // Relative to Monday's papers a day adds 0.5: 53 has log10(21) + 0.5, 50 log10(61), 54 1.5, 52 and 51 tie.
        assertThat(idsOf(store.featured(window, 0, 10))).containsExactly("2608.00053", "2608.00050",
                "2608.00054", "2608.00052", "2608.00051").isEqualTo(rankedByFormula(window));
        assertThat(idsOf(store.featured(window, 2, 2))).containsExactly("2608.00054", "2608.00052");

        for (int i = 0; i < 6; i++) {
            store.addVote(ArxivId.parse("2608.00051"), "voter-" + i);
        }
        assertThat(idsOf(store.featured(window, 0, 10))).containsExactly("2608.00053", "2608.00050",
                "2608.00051", "2608.00054", "2608.00052").isEqualTo(rankedByFormula(window));
    }

    /** The window's papers sorted by the formula worked out here from each paper's shown row, ties to the newer id. */
    private List<String> rankedByFormula(FeaturedQuery window) {
        return store.featured(FeaturedQuery.between(window.from(), window.until()), 0, 100).stream()
                .sorted(Comparator.comparingDouble((PaperEntry e) -> TrendingScore.score(e.upvotes(),
                                e.featuring().orElseThrow().at())).reversed()
                        .thenComparing(e -> e.paper().id().value(), Comparator.reverseOrder()))
                .map(e -> e.paper().id().value()).toList();
    }

    private static List<String> idsOf(List<PaperEntry> entries) {
        return entries.stream().map(e -> e.paper().id().value()).toList();
    }

    private static FeaturedQuery trending(LocalDate from, LocalDate until) {
        return new FeaturedQuery(from, until, Optional.empty(), FeaturedQuery.Order.TRENDING);
    }

    /**
     * V26 adds the score to the featured rows already there, in rounds of 10,000: more rows than one round, with
     * shared instants and upvotes (ties), and a member's submission at an instant inside a day.
     */
    @Test
    void v26ScoresEveryFeaturedRowThatWasThere() {
        var config = kind.open();
        try {
            try (var handle = Jdbi.create(TestDatabases.migratedTo(config, "25")).open()) {
                handle.execute("""
                        WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10002)
                        INSERT INTO paper (id, title, abstract, authors, published, version, categories, ai_keywords,
                            sources, upstream_upvotes, upvotes, num_comments, content_hash, created_at, updated_at)
                        SELECT '2608.' || (10000 + i), 'Paper', 'Abstract', '[]', '2026-08-16', 1, '[]', '[]', '[]',
                            i % 40, i % 40, 0, 'hash', '2026-08-16T00:00:00Z', '2026-08-16T00:00:00Z' FROM n""");
                handle.execute("""
                        INSERT INTO featured (paper_id, day, featured_at, submitted_by, upvotes)
                        SELECT id, '2026-08-17', '2026-08-17T00:00:00Z', 'import', upvotes FROM paper
                        WHERE id <> '2608.20002'""");
                handle.execute("""
                        INSERT INTO featured (paper_id, day, featured_at, submitted_by, upvotes)
                        VALUES ('2608.20002', '2026-08-18', '2026-08-18T09:15:30.123456Z', 'ada', 2)""");
            }
            try (var migrated = Database.open(config, new SimpleMeterRegistry())) {
                List<Map<String, Object>> rows = migrated.jdbi().withHandle(h -> h.createQuery(
                        "SELECT paper_id, upvotes, featured_at, trending FROM featured").mapToMap().list());
                assertThat(rows).hasSize(10_002).allSatisfy(row -> assertThat(stored(row))
                        .as((String) row.get("paper_id")).isEqualTo(TrendingScore.score(
                                ((Number) row.get("upvotes")).intValue(),
                                Instant.parse((String) row.get("featured_at")))));
                JdbiPaperStore migratedStore = new JdbiPaperStore(migrated, clock);
                FeaturedQuery window = trending(MON, THU);
                List<String> expected = rows.stream()
                        .sorted(Comparator.comparingDouble(PaperStoreContract::stored).reversed()
                                .thenComparing(row -> (String) row.get("paper_id"), Comparator.reverseOrder()))
                        .map(row -> (String) row.get("paper_id")).toList();
                // 39 upvotes on the 17th outscore the submission's 2 a day later: log10(40) > log10(3) + 33.26 / 48.
                assertThat(migratedStore.featuredIds(window)).extracting(ArxivId::value).isEqualTo(expected)
                        .startsWith("2608.19999", "2608.19959");
            }
        } finally {
            kind.drop(config);
        }
    }

    private static double stored(Map<String, Object> featuredRow) {
        return ((Number) featuredRow.get("trending")).doubleValue();
    }

    @Test
    void findingSeveralKeepsTheirOrderAndLeavesOutUnknownIds() {
        store.upsert(List.of(paper().id("2608.00040").build(), paper().id("2608.00041").featuredOn(MON).build()));

        assertThat(store.find(List.of(ArxivId.parse("2608.00041"), ArxivId.parse("2608.09999"),
                ArxivId.parse("2608.00040")))).extracting(e -> e.paper().id().value())
                .containsExactly("2608.00041", "2608.00040");
        assertThat(store.find(List.of())).isEmpty();
    }

    @Test
    void dayNavigationSkipsEmptyDays() {
        store.upsert(List.of(paper().featuredOn(MON).build(), paper().featuredOn(THU).build()));
        assertThat(store.featuredDayBefore(THU)).contains(MON);
        assertThat(store.featuredDayAfter(MON)).contains(THU);
        assertThat(store.featuredDayBefore(MON)).isEmpty();
        assertThat(store.latestFeaturedDay()).contains(THU);
    }

    @Test
    void featuredCountsAreGroupedByDayWithinTheRange() {
        store.upsert(List.of(paper().featuredOn(MON).build(), paper().featuredOn(MON).build(),
                paper().featuredOn(THU).build(), paper().featuredOn(THU.plusDays(1)).build(),
                paper().featuredOn(MON.minusDays(1)).build(), paper().published(TUE).build()));

        assertThat(store.featuredCountsByDay(MON, THU.plusDays(1))).containsExactly(
                Map.entry(MON, 2), Map.entry(THU, 1));
        assertThat(store.featuredCountsByDay(TUE, THU)).isEmpty();
    }

    @Test
    void pagingVisitsEveryPaperExactlyOnce() {
        List<PaperRecord> records = IntStream.range(0, 57)
                .mapToObj(i -> paper().featuredOn(MON).upvotes(i % 7).build()).toList();
        store.upsert(records);
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 6; page++) {
            store.featured(FeaturedQuery.between(MON, TUE), page * 10, 10).forEach(e -> seen.add(e.paper().id().value()));
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(57);
    }

    @Test
    void publishedListingFiltersByCategoryAndNavigatesDays() {
        store.upsert(List.of(
                paper().published(MON).categories("cs.CL", "cs.AI").build(),
                paper().published(MON).categories("cs.CV").build(),
                paper().published(THU).categories("cs.AI").build()));

        assertThat(store.countPublished(MON, Optional.empty())).isEqualTo(2);
        assertThat(store.countPublished(MON, Optional.of("cs.AI"))).isEqualTo(1);
        assertThat(store.published(MON, Optional.of("cs.CV"), 0, 10)).hasSize(1);
        assertThat(store.publishedDayAfter(MON, Optional.of("cs.AI"))).contains(THU);
        assertThat(store.publishedDayAfter(MON, Optional.of("cs.CV"))).isEmpty();
        assertThat(store.latestPublishedDay(Optional.empty())).contains(THU);
        assertThat(store.latestPublishedDay(Optional.of("cs.CV"))).contains(MON);
    }

    @Test
    void authorAndCategoryPagesListNewestFirst() {
        PaperRecord older = paper().authors("Grace Hopper").categories("cs.PL").published(MON).build();
        PaperRecord newer = paper().authors("Grace Hopper", "Someone Else").categories("cs.SE", "cs.PL")
                .published(THU).build();
        store.upsert(List.of(older, newer));

        assertThat(store.byAuthor("Grace Hopper", 0, 10)).extracting(e -> e.paper().id())
                .containsExactly(newer.paper().id(), older.paper().id());
        assertThat(store.inCategory("cs.PL", 0, 10)).extracting(e -> e.paper().id())
                .containsExactly(newer.paper().id(), older.paper().id());
        assertThat(store.countByAuthor("Grace Hopper")).isEqualTo(2);
        assertThat(store.byAuthor("grace hopper", 0, 10)).isEmpty();
    }

    @Test
    void submitterFilterAndNewestOrder() {
        PaperRecord first = paper().featuredOn(MON).upvotes(50).build();
        PaperRecord second = new PaperRecord(paper().build().paper(), 1, null, TUE, "alice");
        store.upsert(List.of(first, second));

        var newest = new FeaturedQuery(MON, THU, Optional.empty(), FeaturedQuery.Order.NEWEST);
        assertThat(store.featured(newest, 0, 10)).extracting(e -> e.paper().id())
                .containsExactly(second.paper().id(), first.paper().id());
        var alice = new FeaturedQuery(MON, THU, Optional.of("alice"), FeaturedQuery.Order.UPVOTES);
        assertThat(store.featured(alice, 0, 10)).extracting(e -> e.paper().id()).containsExactly(second.paper().id());
        assertThat(store.countFeatured(alice)).isEqualTo(1);
    }

    @Test
    void shownUpvotesAreUpstreamUpvotesPlusMemberVotes() {
        var builder = paper().featuredOn(MON).upvotes(10);
        ArxivId id = builder.build().paper().id();
        store.upsert(List.of(builder.build()));
        assertShownUpvotes(id, 10);

        assertThat(store.addVote(id, "alice")).isTrue();
        assertThat(store.addVote(id, "bob")).isTrue();
        assertThat(store.addVote(id, "alice")).as("one vote per voter").isFalse();
        assertShownUpvotes(id, 12);

        store.upsert(List.of(builder.upvotes(20).build()));
        assertShownUpvotes(id, 22);

        store.upsert(List.of(builder.title("Re-imported without upvotes").upvotes(null).build()));
        assertShownUpvotes(id, 22);

        assertThat(store.removeVote(id, "bob")).isTrue();
        assertThat(store.removeVote(id, "bob")).isFalse();
        assertShownUpvotes(id, 21);

        store.upsert(List.of(builder.upvotes(3).build()));
        assertShownUpvotes(id, 4);
    }

    @Test
    void theDataVersionChangesWithEveryWriteThePagesShowAndOnlyThen() {
        var builder = paper().featuredOn(MON).upvotes(10);
        ArxivId id = builder.build().paper().id();
        long empty = store.dataVersion();

        store.upsert(List.of(builder.build()));
        long inserted = assertChangedSince(empty, "a new paper");
        store.upsert(List.of(builder.build()));
        assertThat(store.dataVersion()).as("the same records again").isEqualTo(inserted);

        store.upsert(List.of(builder.title("Retitled").build()));
        long retitled = assertChangedSince(inserted, "a changed title");
        store.upsert(List.of(builder.featuredOn(TUE).build()));
        long refeatured = assertChangedSince(retitled, "another featured day");
        store.addVote(id, "alice");
        long voted = assertChangedSince(refeatured, "a vote");
        store.addVote(id, "alice");
        assertThat(store.dataVersion()).as("a vote cast twice").isEqualTo(voted);
        store.removeVote(id, "alice");
        long unvoted = assertChangedSince(voted, "a withdrawn vote");

        database().jdbi().useHandle(h -> h.createUpdate("DELETE FROM paper WHERE id = :id")
                .bind("id", id.value()).execute());
        assertChangedSince(unvoted, "a removed paper");
    }

    private long assertChangedSince(long before, String write) {
        long after = store.dataVersion();
        assertThat(after).as(write).isNotEqualTo(before);
        return after;
    }

    @Test
    void concurrentVotesAreAllCounted() throws Exception {
        PaperRecord record = paper().upvotes(100).featuredOn(MON).build();
        store.upsert(List.of(record));
        int voters = 8;
        ExecutorService pool = Executors.newFixedThreadPool(voters);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> votes = IntStream.range(0, voters).mapToObj(i -> pool.submit(() -> {
                start.await();
                return store.addVote(record.paper().id(), "voter-" + i);
            })).toList();
            start.countDown();
            for (Future<Boolean> vote : votes) {
                assertThat(vote.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertShownUpvotes(record.paper().id(), 100 + voters);
    }

    @Test
    void aVoteForAnUnknownPaperChangesNothing() {
        assertThat(store.addVote(ArxivId.parse("2608.00001"), "alice")).isFalse();
        assertThat(store.removeVote(ArxivId.parse("2608.00001"), "alice")).isFalse();
    }

    @Test
    void votesAndUpstreamChangesMarkThePaperWrittenForTheSearchIndex() {
        var builder = paper().upvotes(1);
        ArxivId id = builder.build().paper().id();
        JdbiSearchStore search = new JdbiSearchStore(database());
        store.upsert(List.of(builder.build()));

        assertThat(writtenAfterAMinute(search, () -> store.addVote(id, "alice"))).containsExactly(id);
        assertThat(writtenAfterAMinute(search, () -> store.addVote(id, "alice"))).as("a repeated vote").isEmpty();
        assertThat(writtenAfterAMinute(search, () -> store.removeVote(id, "alice"))).containsExactly(id);
        assertThat(writtenAfterAMinute(search, () -> store.upsert(List.of(builder.upvotes(2).build()))))
                .containsExactly(id);
        assertThat(search.load(List.of(id))).singleElement()
                .satisfies(p -> assertThat(p.entry().upvotes()).isEqualTo(2));
    }

    private List<ArxivId> writtenAfterAMinute(JdbiSearchStore search, Runnable write) {
        clock.advance(Duration.ofMinutes(1));
        Instant before = clock.instant();
        write.run();
        return search.changedSince(before, Optional.empty(), 10).stream().map(Change::id).toList();
    }

    /** What a paper shows equals what its featured row ranks by, on the paper page and in the day's listing. */
    private void assertShownUpvotes(ArxivId id, int expected) {
        PaperEntry entry = store.find(id).orElseThrow();
        assertThat(entry.upvotes()).isEqualTo(expected);
        LocalDate day = entry.featuring().orElseThrow().day();
        assertThat(store.featured(FeaturedQuery.between(day, day.plusDays(1)), 0, 10)).singleElement()
                .satisfies(e -> assertThat(e.upvotes()).isEqualTo(expected));
        int featuredCopy = database().jdbi().withHandle(h -> h.createQuery(
                "SELECT upvotes FROM featured WHERE paper_id = :id").bind("id", id.value()).mapTo(Integer.class).one());
        assertThat(featuredCopy).isEqualTo(expected);
    }

    @Test
    void countsStayExactThroughInsertsUpdatesFeaturingsAndDeletes() {
        PaperRecord plain = paper().build();
        var later = paper();
        store.upsert(List.of(plain, later.build(), paper().featuredOn(MON).build()));
        assertThat(store.counts()).isEqualTo(new StoreCounts(3, 1));

        store.upsert(List.of(later.featuredOn(TUE).build(), paper().build()));
        store.upsert(List.of(later.title("Retitled").featuredOn(THU).build()));
        assertThat(store.counts()).isEqualTo(new StoreCounts(4, 2));

        database().jdbi().useHandle(h -> h.createUpdate("DELETE FROM paper WHERE id = :id")
                .bind("id", later.build().paper().id().value()).execute());
        assertThat(store.counts()).isEqualTo(new StoreCounts(3, 1)).isEqualTo(countedByScanning());
    }

    private StoreCounts countedByScanning() {
        return database().jdbi().withHandle(h -> new StoreCounts(
                h.createQuery("SELECT COUNT(*) FROM paper").mapTo(Long.class).one(),
                h.createQuery("SELECT COUNT(*) FROM featured").mapTo(Long.class).one()));
    }

    @Test
    void theContentHashCoversEveryColumnAnUpsertWritesFromARecord() {
        Set<String> written = new HashSet<>(columns("paper"));
        columns("featured").forEach(column -> written.add("featured." + column));
        // Bookkeeping, and columns derived from others: none comes from a record field of its own.
        written.removeAll(Set.of("content_hash", "created_at", "updated_at", "upvotes", "member_comments",
                "featured.paper_id", "featured.featured_at", "featured.upvotes", "featured.trending"));
        assertThat(ContentHash.FIELDS).extracting(ContentHash.Field::column)
                .containsExactlyInAnyOrderElementsOf(written);
    }

    private List<String> columns(String table) {
        return database().jdbi().withHandle(h -> {
            try (Statement statement = h.getConnection().createStatement();
                    var rows = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
                ResultSetMetaData meta = rows.getMetaData();
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                }
                return names;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Hugging Face's harvest merges its upvotes into the stored paper while arXiv's harvest brings a new version.
     * Were the stored paper read outside the upsert's transaction, the arXiv update could land between that read
     * and the write, and the write would put back the old metadata (or drop the new upvotes as "older").
     */
    @Test
    void noWriteLandsBetweenAnUpsertsMergeReadAndItsWrite() throws Exception {
        var builder = paper().title("Version 1").version(1).upvotes(5).featuredOn(MON);
        store.upsert(List.of(builder.build()));
        PaperRecord community = builder.upvotes(50).build();
        PaperRecord metadata = builder.title("Version 2").version(2).upvotes(null).featuredOn(null).build();
        PaperStore.Merge keepStoredMetadata = (incoming, stored) -> new PaperRecord(stored, incoming.upvotes(),
                incoming.numComments(), incoming.featuredOn(), incoming.submittedBy());

        CountDownLatch merging = new CountDownLatch(1);
        CountDownLatch metadataStored = new CountDownLatch(1);
        ExecutorService harvester = Executors.newSingleThreadExecutor();
        try {
            Future<UpsertCounts> communityRun = harvester.submit(() -> store.upsert(List.of(community),
                    (incoming, stored) -> {
                        merging.countDown();
                        // Time for the other write to land here, if anything let it.
                        awaitQuietly(metadataStored, 300);
                        return keepStoredMetadata.merge(incoming, stored);
                    }));
            assertThat(merging.await(10, TimeUnit.SECONDS)).isTrue();
            store.upsert(List.of(metadata));
            metadataStored.countDown();
            assertThat(communityRun.get(10, TimeUnit.SECONDS)).isEqualTo(new UpsertCounts(0, 1, 0));
        } finally {
            harvester.shutdownNow();
        }

        PaperEntry stored = store.find(community.paper().id()).orElseThrow();
        assertThat(stored.paper().title()).isEqualTo("Version 2");
        assertThat(stored.upvotes()).isEqualTo(50);
        assertThat(stored.featuring()).hasValueSatisfying(f -> assertThat(f.day()).isEqualTo(MON));
    }

    private static void awaitQuietly(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anUpsertReadsTheStoredPapersOfItsBatchInOneQuery() {
        List<PaperRecord> stored = IntStream.range(0, 300).mapToObj(i -> paper().build()).toList();
        store.upsert(stored);
        List<PaperRecord> batch = new ArrayList<>(stored.stream()
                .map(r -> new PaperRecord(r.paper(), 7, null, null, null)).toList());
        IntStream.range(0, 300).forEach(i -> batch.add(paper().build()));
        List<String> statements = new CopyOnWriteArrayList<>();
        database().jdbi().getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRenderedSql().strip());
            }
        });
        AtomicInteger merged = new AtomicInteger();

        UpsertCounts counts = store.upsert(batch, (incoming, paper) -> {
            merged.incrementAndGet();
            return incoming;
        });

        assertThat(counts).isEqualTo(new UpsertCounts(300, 300, 0));
        assertThat(merged).hasValue(300);
        assertThat(statements).filteredOn(sql -> sql.startsWith("SELECT")
                && !sql.contains("FROM data_version FOR UPDATE")).hasSize(1);
    }
}
