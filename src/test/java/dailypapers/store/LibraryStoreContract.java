package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.account.AccountStore.NewMember;
import dailypapers.account.DisplayName;
import dailypapers.account.Email;
import dailypapers.account.Handle;
import dailypapers.account.Role;
import dailypapers.library.CollectionName;
import dailypapers.library.LibraryException;
import dailypapers.library.PaperCollection;
import dailypapers.library.Visibility;
import dailypapers.paper.ArxivId;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link dailypapers.library.LibraryStore} must do; run against SQLite and PostgreSQL. */
abstract class LibraryStoreContract extends DatabaseContract {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    private static final ArxivId A = new ArxivId("2608.00001");
    private static final ArxivId B = new ArxivId("2608.00002");
    private static final ArxivId C = new ArxivId("2608.00003");
    private static final ArxivId UNKNOWN = new ArxivId("2608.09999");

    private JdbiLibraryStore store;
    private JdbiPaperStore papers;
    private long ada;
    private long bob;

    protected LibraryStoreContract(TestDatabase kind) {
        super(kind);
    }

    @BeforeEach
    void open() {
        store = new JdbiLibraryStore(database());
        papers = new JdbiPaperStore(database(), java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));
        papers.upsert(List.of(record(A), record(B), record(C)));
        JdbiAccountStore accounts = new JdbiAccountStore(database());
        ada = accounts.create(member("ada")).id();
        bob = accounts.create(member("bob")).id();
    }

    @Test
    void theLibraryListsLastSavedFirstAndSavingTwiceChangesNothing() {
        assertThat(store.save(ada, A, T0)).isTrue();
        // A whole second sorts after any fraction of it only when times are stored with fixed fraction digits.
        assertThat(store.save(ada, B, T0.plusMillis(500))).isTrue();
        assertThat(store.save(ada, C, T0.plusSeconds(1))).isTrue();
        assertThat(store.save(ada, A, T0.plusSeconds(5))).isFalse();

        assertThat(store.library(ada, 0, 10)).containsExactly(C, B, A);
        assertThat(store.library(ada, 1, 1)).containsExactly(B);
        assertThat(store.countLibrary(ada)).isEqualTo(3);
        assertThat(store.library(bob, 0, 10)).isEmpty();
        assertThat(store.saved(ada, List.of(A, UNKNOWN))).containsExactly(A);
        assertThat(store.saved(bob, List.of(A))).isEmpty();
    }

    @Test
    void aPaperNotStoredCannotBeSaved() {
        assertThat(store.save(ada, UNKNOWN, T0)).isFalse();
        assertThat(store.countLibrary(ada)).isZero();
    }

    @Test
    void unsavingTakesThePaperOutOfEveryCollectionOfTheOwner() {
        PaperCollection reading = store.create(ada, name("Reading"), Visibility.PRIVATE, T0, 10);
        PaperCollection later = store.create(ada, name("Later"), Visibility.PUBLIC, T0, 10);
        store.add(ada, reading.id(), List.of(A, B), T0);
        store.add(ada, later.id(), List.of(A), T0);

        assertThat(store.unsave(ada, A)).isTrue();
        assertThat(store.unsave(ada, A)).isFalse();

        assertThat(store.papers(reading.id(), 0, 10)).containsExactly(B);
        assertThat(store.papers(later.id(), 0, 10)).isEmpty();
        assertThat(store.collection(reading.id()).orElseThrow().papers()).isEqualTo(1);
    }

    @Test
    void addingToACollectionSavesThePaperAndReportsWhatWasNew() {
        PaperCollection reading = store.create(ada, name("Reading"), Visibility.PRIVATE, T0, 10);

        assertThat(store.add(ada, reading.id(), List.of(A, UNKNOWN), T0)).containsExactly(A);
        assertThat(store.add(ada, reading.id(), List.of(A, B), T0.plusSeconds(1))).containsExactly(B);

        assertThat(store.library(ada, 0, 10)).containsExactly(B, A);
        assertThat(store.papers(reading.id(), 0, 10)).containsExactly(B, A);
        assertThat(store.collectionsWith(ada, A)).containsExactly(reading.id());
    }

    @Test
    void nobodyAddsToACollectionOfSomeoneElse() {
        PaperCollection reading = store.create(ada, name("Reading"), Visibility.PUBLIC, T0, 10);

        assertThat(store.add(bob, reading.id(), List.of(A), T0)).isEmpty();
        store.place(bob, B, Set.of(reading.id()), T0);

        assertThat(store.papers(reading.id(), 0, 10)).isEmpty();
    }

    @Test
    void namesAreUniquePerMemberWhateverTheirCase() {
        PaperCollection reading = store.create(ada, name("Reading"), Visibility.PRIVATE, T0, 10);

        assertThatThrownBy(() -> store.create(ada, name("READING"), Visibility.PUBLIC, T0, 10))
                .isInstanceOf(LibraryException.class).extracting(e -> ((LibraryException) e).code())
                .isEqualTo(LibraryException.Code.NAME_TAKEN);
        PaperCollection bobs = store.create(bob, name("reading"), Visibility.PRIVATE, T0, 10);
        PaperCollection other = store.create(ada, name("Other"), Visibility.PRIVATE, T0, 10);
        assertThatThrownBy(() -> store.update(other.id(), name("reading"), Visibility.PRIVATE, T0))
                .isInstanceOf(LibraryException.class).extracting(e -> ((LibraryException) e).code())
                .isEqualTo(LibraryException.Code.NAME_TAKEN);

        assertThat(store.update(reading.id(), name("reading"), Visibility.PUBLIC, T0.plusSeconds(1))).isTrue();
        PaperCollection renamed = store.collection(reading.id()).orElseThrow();
        assertThat(renamed.name().value()).isEqualTo("reading");
        assertThat(renamed.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(renamed.updatedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(store.collections(ada)).extracting(PaperCollection::id).containsExactly(other.id(), reading.id());
        assertThat(store.collections(bob)).containsExactly(bobs);
        assertThat(store.update(9_999, name("x"), Visibility.PRIVATE, T0)).isFalse();
    }

    @Test
    void aMemberHasAtMostTheGivenNumberOfCollections() {
        store.create(ada, name("One"), Visibility.PRIVATE, T0, 2);
        store.create(ada, name("Two"), Visibility.PRIVATE, T0, 2);

        assertThatThrownBy(() -> store.create(ada, name("Three"), Visibility.PRIVATE, T0, 2))
                .isInstanceOf(LibraryException.class).extracting(e -> ((LibraryException) e).code())
                .isEqualTo(LibraryException.Code.TOO_MANY_COLLECTIONS);
        store.create(bob, name("Three"), Visibility.PRIVATE, T0, 2);
    }

    @Test
    void deletingACollectionKeepsItsPapersInTheLibrary() {
        PaperCollection reading = store.create(ada, name("Reading"), Visibility.PRIVATE, T0, 10);
        store.add(ada, reading.id(), List.of(A), T0);

        assertThat(store.delete(reading.id())).isTrue();
        assertThat(store.delete(reading.id())).isFalse();

        assertThat(store.collection(reading.id())).isEmpty();
        assertThat(store.library(ada, 0, 10)).containsExactly(A);
    }

    @Test
    void placingPutsThePaperInExactlyTheChosenCollections() {
        PaperCollection one = store.create(ada, name("One"), Visibility.PRIVATE, T0, 10);
        PaperCollection two = store.create(ada, name("Two"), Visibility.PRIVATE, T0, 10);
        PaperCollection three = store.create(ada, name("Three"), Visibility.PRIVATE, T0, 10);
        store.add(ada, one.id(), List.of(A), T0);

        store.place(ada, A, Set.of(two.id(), three.id()), T0);
        assertThat(store.collectionsWith(ada, A)).containsExactlyInAnyOrder(two.id(), three.id());

        store.place(ada, A, Set.of(), T0);
        assertThat(store.collectionsWith(ada, A)).isEmpty();
        assertThat(store.saved(ada, List.of(A))).containsExactly(A);
    }

    @Test
    void libraryWritesChangeTheDataVersionThatPagesAreValidatedBy() {
        long before = papers.dataVersion();
        PaperCollection reading = store.create(ada, name("Reading"), Visibility.PUBLIC, T0, 10);
        long created = papers.dataVersion();
        store.add(ada, reading.id(), List.of(A), T0);
        long added = papers.dataVersion();
        store.update(reading.id(), name("Renamed"), Visibility.PUBLIC, T0);
        long renamed = papers.dataVersion();
        store.unsave(ada, A);
        long unsaved = papers.dataVersion();
        store.save(ada, B, T0);
        long saved = papers.dataVersion();

        assertThat(List.of(before, created, added, renamed, unsaved, saved)).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aDeletedMemberLeavesNoLibraryBehind() {
        PaperCollection reading = store.create(ada, name("Reading"), Visibility.PUBLIC, T0, 10);
        store.add(ada, reading.id(), List.of(A), T0);

        database().jdbi().useHandle(h -> h.execute("DELETE FROM member WHERE id = ?", ada));

        assertThat(store.collection(reading.id())).isEmpty();
        assertThat(store.countLibrary(ada)).isZero();
    }

    private static CollectionName name(String value) {
        return new CollectionName(value);
    }

    private static PaperRecord record(ArxivId id) {
        return new PaperRecord(new Paper(id, "Paper " + id, "", List.of("Ada Lovelace"), LocalDate.of(2026, 8, 1),
                null, 1, List.of("cs.LG"), null, null, null, null, null, List.of(), List.of("test")),
                null, null, null, null);
    }

    private static NewMember member(String handle) {
        return new NewMember(new Email(handle + "@example.org"), new Handle(handle), new DisplayName(handle),
                Role.MEMBER, "hash", T0, Optional.empty());
    }
}
