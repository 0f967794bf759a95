package dailypapers.store;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.ingest.TestClock;
import dailypapers.paper.ArxivId;
import dailypapers.search.SearchStore.Change;
import dailypapers.search.SearchStore.StoredPaper;
import dailypapers.search.VectorStore.PaperText;
import dailypapers.search.VectorStore.StoredVector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What search needs from the database (papers to index, changes, vectors); run against SQLite and PostgreSQL. */
abstract class SearchStoreContract extends DatabaseContract {

    private static final String MODEL = "test-model";

    protected SearchStoreContract(TestDatabase kind) {
        super(kind);
    }

    private final TestClock clock = new TestClock(Instant.parse("2026-08-22T12:00:00Z"));
    private JdbiPaperStore papers;
    private JdbiSearchStore search;
    private JdbiVectorStore vectors;

    @BeforeEach
    void open() {
        papers = new JdbiPaperStore(database(), clock);
        search = new JdbiSearchStore(database());
        vectors = new JdbiVectorStore(database(), clock);
    }

    private static ArxivId id(String value) {
        return new ArxivId(value);
    }

    @Test
    void loadsAndScansPapersWithTheirWriteTimes() {
        papers.upsert(IntStream.range(0, 7).mapToObj(i -> paper().id("2601.0000" + i).build()).toList());
        List<StoredPaper> loaded = search.load(List.of(id("2601.00003"), id("2601.00005"), id("2601.09999")));
        assertThat(loaded).extracting(p -> p.entry().paper().id().value())
                .containsExactlyInAnyOrder("2601.00003", "2601.00005");
        assertThat(loaded).allSatisfy(p -> assertThat(p.writtenAt()).isEqualTo("2026-08-22T12:00:00Z"));

        List<StoredPaper> first = search.scan(Optional.empty(), 4);
        List<StoredPaper> rest = search.scan(Optional.of(first.getLast().entry().paper().id()), 4);
        assertThat(first).hasSize(4);
        assertThat(rest).hasSize(3);
        assertThat(search.countPapers()).isEqualTo(7);
        assertThat(search.find(List.of(id("2601.00001")))).singleElement()
                .satisfies(e -> assertThat(e.paper().id().value()).isEqualTo("2601.00001"));
    }

    @Test
    void changedSinceFindsRowsWrittenAtOrAfterAnInstant() {
        papers.upsert(List.of(paper().id("2601.00001").build(), paper().id("2601.00002").build()));
        clock.advance(Duration.ofMinutes(5).plusMillis(250)); // a fraction, so stored texts differ in length
        Instant later = clock.instant();
        papers.upsert(List.of(paper().id("2601.00003").build(), paper().id("2601.00001").title("Changed").build()));

        List<Change> changes = search.changedSince(later, Optional.empty(), 10);

        assertThat(changes).extracting(c -> c.id().value()).containsExactly("2601.00001", "2601.00003");
        assertThat(changes).allSatisfy(c -> assertThat(Instant.parse(c.writtenAt())).isEqualTo(later));
        assertThat(search.changedSince(later, Optional.of(id("2601.00001")), 10)).extracting(c -> c.id().value())
                .containsExactly("2601.00003");
        assertThat(search.changedSince(later.plusSeconds(5), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void aPaperDeletedByAnyoneIsListedAsRemovedAtTheDatabaseTime() {
        papers.upsert(List.of(paper().id("2601.00001").build(), paper().id("2601.00002").build(),
                paper().id("2601.00003").build()));
        Instant before = Instant.now().minusSeconds(5); // the database stamps removals with its own clock
        database().jdbi().useHandle(h -> h.execute("DELETE FROM paper WHERE id IN (?, ?)", "2601.00001",
                "2601.00003"));

        List<Change> removed = search.removedSince(before, Optional.empty(), 10);

        assertThat(removed).extracting(c -> c.id().value()).containsExactly("2601.00001", "2601.00003");
        assertThat(removed).allSatisfy(c -> assertThat(Instant.parse(c.writtenAt())).isAfterOrEqualTo(
                before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        assertThat(search.removedSince(before, Optional.of(id("2601.00001")), 10)).extracting(c -> c.id().value())
                .containsExactly("2601.00003");
        assertThat(search.removedSince(Instant.now().plusSeconds(120), Optional.empty(), 10)).isEmpty();
        assertThat(search.load(List.of(id("2601.00001"), id("2601.00002")))).extracting(p -> p.entry().paper().id()
                .value()).containsExactly("2601.00002");
    }

    @Test
    void vectorsRoundTripAsBytesPerModel() {
        papers.upsert(List.of(paper().id("2601.00001").build(), paper().id("2601.00002").build()));
        float[] vector = {0.25f, -1.5f, 3.0e-8f, Float.MAX_VALUE, -0.0f};
        vectors.save(MODEL, List.of(new StoredVector(id("2601.00001"), vector, "hash-1", null)));

        StoredVector stored = vectors.find(id("2601.00001"), MODEL).orElseThrow();
        assertThat(stored.vector()).containsExactly(vector);
        assertThat(stored.textHash()).isEqualTo("hash-1");
        assertThat(stored.writtenAt()).isEqualTo("2026-08-22T12:00:00Z");
        assertThat(vectors.find(id("2601.00001"), "other-model")).isEmpty();
        assertThat(vectors.count(MODEL)).isEqualTo(1);

        vectors.save(MODEL, List.of(new StoredVector(id("2601.00001"), new float[] {1, 2}, "hash-2", null)));
        assertThat(vectors.find(List.of(id("2601.00001"), id("2601.00002")), MODEL))
                .containsOnlyKeys(id("2601.00001"))
                .hasEntrySatisfying(id("2601.00001"), v -> assertThat(v.vector()).containsExactly(1, 2));
        vectors.delete(id("2601.00001"), MODEL);
        assertThat(vectors.count(MODEL)).isZero();
    }

    @Test
    void missingListsPapersWithoutAVectorNewestIdFirst() {
        papers.upsert(IntStream.range(1, 6).mapToObj(i -> paper().id("2601.0000" + i).build()).toList());
        vectors.save(MODEL, List.of(new StoredVector(id("2601.00004"), new float[] {1}, "h", null)));

        assertThat(vectors.missing(MODEL, Optional.empty(), 10)).extracting(PaperText::id)
                .containsExactly(id("2601.00005"), id("2601.00003"), id("2601.00002"), id("2601.00001"));
        assertThat(vectors.missing(MODEL, Optional.of(id("2601.00003")), 10)).extracting(PaperText::id)
                .containsExactly(id("2601.00002"), id("2601.00001"));
        assertThat(vectors.missing(MODEL, Optional.empty(), 1)).singleElement()
                .satisfies(p -> assertThat(p.title()).startsWith("A paper about"));
        assertThat(vectors.countMissing(MODEL)).isEqualTo(4);
        assertThat(vectors.countMissing("other-model")).isEqualTo(5);
    }

    @Test
    void changedVectorsAreFoundByTheirWriteTime() {
        papers.upsert(List.of(paper().id("2601.00001").build(), paper().id("2601.00002").build()));
        vectors.save(MODEL, List.of(new StoredVector(id("2601.00001"), new float[] {1}, "h", null)));
        clock.advance(Duration.ofSeconds(90));
        Instant later = clock.instant();
        vectors.save(MODEL, List.of(new StoredVector(id("2601.00002"), new float[] {1}, "h", null)));

        assertThat(vectors.changedSince(MODEL, later, Optional.empty(), 10)).extracting(c -> c.id().value())
                .containsExactly("2601.00002");
        assertThat(vectors.changedSince("other-model", later, Optional.empty(), 10)).isEmpty();
        Map<ArxivId, StoredVector> both = vectors.find(List.of(id("2601.00001"), id("2601.00002")), MODEL);
        assertThat(both).hasSize(2);
    }

    @Test
    void storedTimeBoundsCompareLikeTimes() {
        Instant since = Instant.parse("2026-08-22T12:00:05.5Z");
        String bound = StoredTimes.lowerBound(since);
        for (Instant t : List.of(since, since.plusNanos(1), since.plusMillis(500), since.plusSeconds(1))) {
            assertThat(t.toString()).as(t.toString()).isGreaterThanOrEqualTo(bound);
        }
    }

    @Test
    void vectorCountsStayExactThroughSavesReplacementsAndDeletes() {
        papers.upsert(IntStream.range(1, 6).mapToObj(i -> paper().id("2601.0000" + i).build()).toList());
        vectors.save(MODEL, List.of(vector("2601.00001"), vector("2601.00002")));
        vectors.save(MODEL, List.of(vector("2601.00002"), vector("2601.00003")));
        vectors.save("other-model", List.of(vector("2601.00001")));
        assertThat(vectors.count(MODEL)).isEqualTo(3);
        assertThat(vectors.countMissing(MODEL)).isEqualTo(2);

        vectors.delete(id("2601.00002"), MODEL);
        vectors.delete(id("2601.00002"), MODEL);
        database().jdbi().useHandle(h -> h.execute("DELETE FROM paper WHERE id = '2601.00001'"));

        assertThat(vectors.count(MODEL)).isEqualTo(1).isEqualTo(countedByScanning(MODEL));
        assertThat(vectors.countMissing(MODEL)).isEqualTo(3);
        assertThat(vectors.count("other-model")).isZero();
        assertThat(vectors.countMissing("never-used")).isEqualTo(4);
        assertThat(search.countPapers()).isEqualTo(4);
    }

    private static StoredVector vector(String id) {
        return new StoredVector(id(id), new float[] {1}, "h", null);
    }

    private long countedByScanning(String model) {
        return database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM paper_vector WHERE model = :model")
                .bind("model", model).mapTo(Long.class).one());
    }
}
