package dailypapers.store;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.account.AccountStore.NewMember;
import dailypapers.account.DisplayName;
import dailypapers.account.Email;
import dailypapers.account.Handle;
import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.ingest.TestClock;
import dailypapers.moderation.HiddenPaper;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperEntry;
import dailypapers.search.SimilarList;
import dailypapers.search.SimilarStore.Listed;
import dailypapers.search.SimilarStore.State;
import dailypapers.search.VectorStore.StoredVector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stored similar papers and what telling them current reads; run against SQLite and PostgreSQL. */
abstract class SimilarStoreContract extends DatabaseContract {

    private static final String MODEL = "test-model";
    private static final Instant T0 = Instant.parse("2026-08-22T12:00:00Z");

    private final TestClock clock = new TestClock(T0);
    private JdbiPaperStore papers;
    private JdbiVectorStore vectors;
    private JdbiSimilarStore store;

    protected SimilarStoreContract(TestDatabase kind) {
        super(kind);
    }

    @BeforeEach
    void open() {
        papers = new JdbiPaperStore(database(), clock);
        vectors = new JdbiVectorStore(database(), clock);
        store = new JdbiSimilarStore(database(), clock);
        papers.upsert(IntStream.range(1, 8).mapToObj(i -> paper().id("2601.0000" + i).build()).toList());
    }

    private static ArxivId id(int n) {
        return new ArxivId("2601.0000" + n);
    }

    private static SimilarList list(int paper, String model, long corpus, int... similar) {
        return new SimilarList(id(paper), IntStream.of(similar).mapToObj(SimilarStoreContract::id).toList(),
                new SimilarList.Basis("hash-" + paper, model, corpus), T0.toString());
    }

    private static List<String> ids(List<PaperEntry> entries) {
        return entries.stream().map(e -> e.paper().id().value()).toList();
    }

    @Test
    void aPaperWithoutAListHasItsStateAndTheCounts() {
        vectors.save(MODEL, List.of(new StoredVector(id(2), new float[] {1, 0}, "h", null)));

        List<State> states = store.states(List.of(id(1), id(2), new ArxivId("2601.09999")), Optional.of(MODEL));

        assertThat(states).extracting(s -> s.paper().value()).containsExactlyInAnyOrder("2601.00001", "2601.00002");
        State first = states.stream().filter(s -> s.paper().equals(id(1))).findFirst().orElseThrow();
        State second = states.stream().filter(s -> s.paper().equals(id(2))).findFirst().orElseThrow();
        assertThat(first.listed()).isEmpty();
        assertThat(first.hasVector()).isFalse();
        assertThat(second.hasVector()).isTrue();
        assertThat(first.writtenAt()).isEqualTo(T0.toString());
        assertThat(first.papers()).isEqualTo(7);
        assertThat(first.papersWithVectors()).isEqualTo(1);
        assertThat(store.states(List.of(id(2)), Optional.empty()).getFirst())
                .satisfies(s -> assertThat(s.hasVector()).isFalse())
                .satisfies(s -> assertThat(s.papersWithVectors()).isZero());
    }

    @Test
    void aSavedListIsReadBackInOrderAndReplacedWhole() {
        store.save(List.of(list(1, "", 7, 4, 2, 6), list(2, MODEL, 3, 1)));

        assertThat(ids(store.listed(id(1), 10))).containsExactly("2601.00004", "2601.00002", "2601.00006");
        assertThat(ids(store.listed(id(1), 2))).containsExactly("2601.00004", "2601.00002");
        assertThat(store.states(List.of(id(2)), Optional.of(MODEL)).getFirst().listed())
                .contains(new Listed(new SimilarList.Basis("hash-2", MODEL, 3), T0.toString()));

        store.save(List.of(list(1, "", 8, 3)));
        assertThat(ids(store.listed(id(1), 10))).containsExactly("2601.00003");
        assertThat(store.states(List.of(id(1)), Optional.empty()).getFirst().listed().orElseThrow().basis())
                .isEqualTo(new SimilarList.Basis("hash-1", "", 8));
        store.save(List.of(list(1, "", 8)));
        assertThat(store.listed(id(1), 10)).isEmpty();
        assertThat(store.states(List.of(id(1)), Optional.empty()).getFirst().listed()).isPresent();
    }

    @Test
    void papersHiddenOrRemovedSinceAreLeftOutWhereAListIsRead() {
        store.save(List.of(list(1, "", 7, 2, 3, 4, 5)));
        Member moderator = new JdbiAccountStore(database()).create(new NewMember(new Email("mod@example.org"),
                new Handle("mod"), new DisplayName("mod"), Role.MODERATOR, "hash", T0, Optional.empty()));
        new JdbiModerationStore(database()).hidePaper(new HiddenPaper(id(3), "spam", moderator.id(), T0));
        database().jdbi().useHandle(h -> h.createUpdate("DELETE FROM paper WHERE id = :id")
                .bind("id", id(4).value()).execute());

        assertThat(ids(store.listed(id(1), 10))).containsExactly("2601.00002", "2601.00005");
        assertThat(ids(store.listed(id(1), 1))).containsExactly("2601.00002");
        assertThat(ids(new JdbiSearchStore(database()).find(List.of(id(2), id(3), id(4), id(5)))))
                .containsExactlyInAnyOrder("2601.00002", "2601.00005");
    }

    @Test
    void aRemovedPaperTakesItsListWithIt() {
        store.save(List.of(list(1, "", 7, 2)));
        database().jdbi().useHandle(h -> h.createUpdate("DELETE FROM paper WHERE id = :id")
                .bind("id", id(1).value()).execute());
        long rows = database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM similar_paper")
                .mapTo(Long.class).one());
        assertThat(rows).isZero();
    }

    @Test
    void theScanWalksThePapersInIdOrderAndSeesRowsWrittenSinceTheirList() {
        store.save(List.of(list(3, "", 7, 1)));
        clock.advance(Duration.ofMinutes(1));
        papers.upsert(List.of(paper().id("2601.00003").upvotes(5).build()));

        List<State> first = store.scan(Optional.empty(), 4, Optional.empty());
        List<State> rest = store.scan(Optional.of(first.getLast().paper()), 4, Optional.empty());

        assertThat(first).extracting(s -> s.paper().value()).containsExactly("2601.00001", "2601.00002",
                "2601.00003", "2601.00004");
        assertThat(rest).extracting(s -> s.paper().value()).containsExactly("2601.00005", "2601.00006",
                "2601.00007");
        State third = first.get(2);
        assertThat(third.writtenAt()).isEqualTo(clock.instant().toString());
        assertThat(third.listed().orElseThrow().paperWrittenAt()).isEqualTo(T0.toString());

        store.markUnchanged(Map.of(id(3), third.writtenAt()));
        assertThat(store.states(List.of(id(3)), Optional.empty()).getFirst().listed().orElseThrow())
                .isEqualTo(new Listed(new SimilarList.Basis("hash-3", "", 7), clock.instant().toString()));
        assertThat(ids(store.listed(id(3), 10))).containsExactly("2601.00001");
    }
}
