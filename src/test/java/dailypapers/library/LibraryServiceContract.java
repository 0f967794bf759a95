package dailypapers.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.account.AccountStore.NewMember;
import dailypapers.account.DisplayName;
import dailypapers.account.Email;
import dailypapers.account.Handle;
import dailypapers.account.Role;
import dailypapers.library.ImportReport.Outcome;
import dailypapers.paper.ArxivId;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperEntry;
import dailypapers.paper.PaperRecord;
import dailypapers.store.JdbiAccountStore;
import dailypapers.store.JdbiLibraryStore;
import dailypapers.store.JdbiPaperStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The library's rules over a real database: who may read and change what, import and export. */
abstract class LibraryServiceContract extends DatabaseContract {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    private static final ArxivId A = new ArxivId("2608.00001");
    private static final ArxivId B = new ArxivId("2608.00002");

    private LibraryService library;
    private long ada;
    private long bob;

    protected LibraryServiceContract(TestDatabase kind) {
        super(kind);
    }

    @BeforeEach
    void open() {
        JdbiPaperStore papers = new JdbiPaperStore(database(), CLOCK);
        papers.upsert(List.of(record(A, "Attention & {Braces}: $O(n^{2})$ 100%"), record(B, "Second")));
        library = new LibraryService(new JdbiLibraryStore(database()), papers, CLOCK);
        JdbiAccountStore accounts = new JdbiAccountStore(database());
        ada = accounts.create(member("ada")).id();
        bob = accounts.create(member("bob")).id();
    }

    @Test
    void importAddsTheArxivPapersStoredHereAndReportsEveryOtherEntryByLineAndKey() {
        PaperCollection reading = library.create(ada, "Reading", Visibility.PRIVATE);
        library.add(ada, reading.id(), B);

        ImportReport report = library.importBibtex(ada, reading.id(), """
                @misc{vaswani, eprint = {2608.00001v2}, archivePrefix = {arXiv}}
                @article{again, journal = {arXiv preprint arXiv:2608.00002}}
                @article{elsewhere, url = {https://arxiv.org/abs/2608.09999}}
                @book{knuth, title = {The Art of Computer Programming}, year = 1968}
                @article{broken, title = {unclosed
                @misc{dup, doi = {10.48550/arXiv.2608.00001}}
                """);

        assertThat(report.lines()).extracting(ImportReport.Line::line, ImportReport.Line::key,
                ImportReport.Line::outcome).containsExactly(
                        tuple(1, "vaswani", Outcome.ADDED),
                        tuple(2, "again", Outcome.ALREADY_THERE),
                        tuple(3, "elsewhere", Outcome.NOT_IN_INSTANCE),
                        tuple(4, "knuth", Outcome.NOT_ARXIV),
                        tuple(5, "broken", Outcome.MALFORMED),
                        tuple(6, "dup", Outcome.ALREADY_THERE));
        assertThat(report.count(Outcome.ADDED)).isEqualTo(1);
        assertThat(report.notAdded()).extracting(ImportReport.Line::key)
                .containsExactly("elsewhere", "knuth", "broken");
        assertThat(ids(library.allPapers(library.owned(ada, reading.id())))).containsExactlyInAnyOrder(A, B);
        assertThat(library.isSaved(ada, A)).isTrue();
    }

    @Test
    void exportingACollectionAndImportingItGivesTheSamePapers() {
        PaperCollection source = library.create(ada, "Source", Visibility.PRIVATE);
        library.add(ada, source.id(), A);
        library.add(ada, source.id(), B);
        String bibtex = BibtexWriter.write(papers(library.allPapers(library.owned(ada, source.id()))));

        PaperCollection copy = library.create(bob, "Copy", Visibility.PRIVATE);
        ImportReport report = library.importBibtex(bob, copy.id(), bibtex);

        assertThat(report.lines()).extracting(ImportReport.Line::outcome).containsOnly(Outcome.ADDED);
        assertThat(ids(library.allPapers(library.owned(bob, copy.id()))))
                .containsExactlyElementsOf(ids(library.allPapers(library.owned(ada, source.id()))));
        assertThat(ids(library.allSaved(bob))).containsExactlyInAnyOrder(A, B);
    }

    @Test
    void aPrivateCollectionIsReadableByItsOwnerOnlyAndAPublicOneByAnyone() {
        PaperCollection secret = library.create(ada, "Secret", Visibility.PRIVATE);
        PaperCollection shared = library.create(ada, "Shared", Visibility.PUBLIC);

        assertThat(library.readable(Optional.of(ada), secret.id())).isPresent();
        assertThat(library.readable(Optional.of(bob), secret.id())).isEmpty();
        assertThat(library.readable(Optional.empty(), secret.id())).isEmpty();
        assertThat(library.readable(Optional.empty(), shared.id())).isPresent();
        assertThat(library.readable(Optional.of(bob), shared.id())).isPresent();
        assertThat(library.publicCollections(ada)).extracting(PaperCollection::id).containsExactly(shared.id());
    }

    @Test
    void anotherMemberCannotChangeAddToImportIntoOrDeleteACollection() {
        PaperCollection shared = library.create(ada, "Shared", Visibility.PUBLIC);
        library.add(ada, shared.id(), A);

        assertNoSuchCollection(() -> library.update(bob, shared.id(), "Mine", Visibility.PRIVATE));
        assertNoSuchCollection(() -> library.add(bob, shared.id(), B));
        assertNoSuchCollection(() -> library.remove(bob, shared.id(), A));
        assertNoSuchCollection(() -> library.delete(bob, shared.id()));
        assertNoSuchCollection(() -> library.importBibtex(bob, shared.id(), "@misc{k, eprint={2608.00002},"
                + " archivePrefix={arXiv}}"));
        assertNoSuchCollection(() -> library.placeIn(bob, B, Set.of(shared.id())));

        PaperCollection unchanged = library.owned(ada, shared.id());
        assertThat(unchanged.name().value()).isEqualTo("Shared");
        assertThat(ids(library.allPapers(unchanged))).containsExactly(A);
        assertThat(library.isSaved(bob, B)).isFalse();
    }

    @Test
    void namesAreCleanedAndLimited() {
        assertThat(library.create(ada, "  Reading \u202Egroup\n  2026 ", Visibility.PRIVATE).name().value())
                .isEqualTo("Reading group 2026");
        assertThatThrownBy(() -> library.create(ada, " \t ", Visibility.PRIVATE)).isInstanceOf(LibraryException.class)
                .extracting(e -> ((LibraryException) e).code()).isEqualTo(LibraryException.Code.NAME_INVALID);
        assertThatThrownBy(() -> library.create(ada, "x".repeat(CollectionName.MAX_LENGTH + 1), Visibility.PRIVATE))
                .isInstanceOf(LibraryException.class);
        assertThat(library.create(ada, "é".repeat(CollectionName.MAX_LENGTH), Visibility.PRIVATE).name().value())
                .hasSize(CollectionName.MAX_LENGTH);
    }

    @Test
    void savingAPaperNotHereIsRefusedAndAnOverlongImportIsRefusedWhole() {
        PaperCollection reading = library.create(ada, "Reading", Visibility.PRIVATE);

        assertThatThrownBy(() -> library.save(ada, new ArxivId("2608.09999"))).isInstanceOf(LibraryException.class)
                .extracting(e -> ((LibraryException) e).code()).isEqualTo(LibraryException.Code.NO_SUCH_PAPER);
        String tooMany = "@misc{k, eprint={2608.00001}, archivePrefix={arXiv}}\n"
                .repeat(ImportReport.MAX_ENTRIES + 1);
        assertThatThrownBy(() -> library.importBibtex(ada, reading.id(), tooMany))
                .isInstanceOf(LibraryException.class).extracting(e -> ((LibraryException) e).code())
                .isEqualTo(LibraryException.Code.IMPORT_TOO_LARGE);
        assertThat(library.isSaved(ada, A)).isFalse();
    }

    private static void assertNoSuchCollection(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(LibraryException.class)
                .extracting(e -> ((LibraryException) e).code()).isEqualTo(LibraryException.Code.NO_SUCH_COLLECTION);
    }

    private static List<ArxivId> ids(List<PaperEntry> entries) {
        return entries.stream().map(e -> e.paper().id()).toList();
    }

    private static List<Paper> papers(List<PaperEntry> entries) {
        return entries.stream().map(PaperEntry::paper).toList();
    }

    private static PaperRecord record(ArxivId id, String title) {
        return new PaperRecord(new Paper(id, title, "", List.of("Ada Lovelace", "Smith, Jr., John"),
                LocalDate.of(2026, 8, 1), null, 1, List.of("cs.LG"), null, null, null, null, null, List.of(),
                List.of("test")), null, null, null, null);
    }

    private static NewMember member(String handle) {
        return new NewMember(new Email(handle + "@example.org"), new Handle(handle), new DisplayName(handle),
                Role.MEMBER, "hash", CLOCK.instant(), Optional.empty());
    }
}
