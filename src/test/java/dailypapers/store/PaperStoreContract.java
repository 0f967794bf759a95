package dailypapers.store;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dailypapers.TestApp;
import dailypapers.paper.ArxivId;
import dailypapers.paper.FeaturedQuery;
import dailypapers.paper.FeaturedVotes;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperEntry;
import dailypapers.paper.PaperRecord;
import dailypapers.paper.UpsertCounts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link dailypapers.paper.PaperStore} must do; run against SQLite and PostgreSQL. */
abstract class PaperStoreContract {

    private static final LocalDate MON = LocalDate.of(2026, 8, 17);
    private static final LocalDate TUE = MON.plusDays(1);
    private static final LocalDate THU = MON.plusDays(3);

    private Database database;
    protected JdbiPaperStore store;

    protected abstract DatabaseConfig openDatabase();

    protected abstract void dropDatabase(DatabaseConfig config);

    private DatabaseConfig config;

    @BeforeEach
    void open() {
        config = openDatabase();
        database = Database.open(config, new SimpleMeterRegistry());
        store = new JdbiPaperStore(database, TestApp.FIXED_CLOCK);
    }

    @AfterEach
    void close() {
        // Null when open() skipped the test because no such database is configured.
        if (database != null) {
            database.close();
            dropDatabase(config);
        }
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
        assertThat(store.counts()).isEqualTo(new dailypapers.paper.PaperStore.StoreCounts(2, 1));
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
    void featuredVotesAreOneNarrowRowPerSelectedPaper() {
        store.upsert(List.of(paper().id("2608.00030").featuredOn(TUE).upvotes(7).build(),
                paper().id("2608.00031").featuredOn(MON).upvotes(3).build(),
                paper().id("2608.00032").featuredOn(THU).upvotes(1).build(),
                paper().id("2608.00033").build()));

        assertThat(store.featuredVotes(FeaturedQuery.between(MON, THU)))
                .extracting(v -> v.id().value(), FeaturedVotes::upvotes, FeaturedVotes::featuredAt)
                .containsExactlyInAnyOrder(
                        tuple("2608.00030", 7, TUE.atStartOfDay(ZoneOffset.UTC).toInstant()),
                        tuple("2608.00031", 3, MON.atStartOfDay(ZoneOffset.UTC).toInstant()));
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
}
