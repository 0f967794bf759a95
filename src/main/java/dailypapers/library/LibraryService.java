package dailypapers.library;

import dailypapers.feed.Page;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperEntry;
import dailypapers.paper.PaperStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A member's library: saving papers, collections and who may read them, export and import. Every method that
 * names a member acts for that member only: a collection of someone else's is "no such collection" to every
 * write, and to reads too unless it is public, so nobody learns that a private collection exists.
 */
public final class LibraryService {

    /** The most collections one member may have: enough for any reader, few enough that one page lists them. */
    public static final int MAX_COLLECTIONS = 200;
    /** The most papers an export holds; a library larger than that is exported by collection. */
    public static final int MAX_EXPORT_PAPERS = 10_000;

    private final LibraryStore store;
    private final PaperStore papers;
    private final Clock clock;

    public LibraryService(LibraryStore store, PaperStore papers, Clock clock) {
        this.store = store;
        this.papers = papers;
        this.clock = clock;
    }

    /** Saves a paper to the member's library; false when it was saved already. */
    public boolean save(long memberId, ArxivId paper) {
        requirePaper(paper);
        return store.save(memberId, paper, clock.instant());
    }

    /** Removes a paper from the library and from the member's collections; false when it was not saved. */
    public boolean unsave(long memberId, ArxivId paper) {
        return store.unsave(memberId, paper);
    }

    public boolean isSaved(long memberId, ArxivId paper) {
        return !store.saved(memberId, List.of(paper)).isEmpty();
    }

    /** Of these papers, those the member saved: one query for a listing's page. */
    public Set<ArxivId> saved(long memberId, Collection<ArxivId> papers) {
        return store.saved(memberId, papers);
    }

    /** A page of the member's library, last saved first. */
    public Page<PaperEntry> library(long memberId, int page, int pageSize) {
        int total = store.countLibrary(memberId);
        return new Page<>(entries(store.library(memberId, page * pageSize, pageSize)), page, pageSize, total);
    }

    /** The member's collections by name. */
    public List<PaperCollection> collections(long memberId) {
        return store.collections(memberId);
    }

    /** The member's public collections by name, for their profile. */
    public List<PaperCollection> publicCollections(long memberId) {
        return store.collections(memberId).stream().filter(PaperCollection::isPublic).toList();
    }

    public PaperCollection create(long memberId, String name, Visibility visibility) {
        return store.create(memberId, new CollectionName(name), visibility, clock.instant(), MAX_COLLECTIONS);
    }

    /**
     * The collection if {@code viewer} may read it: anyone may read a public collection, only its owner a private
     * one. Empty otherwise, exactly as when there is no such collection.
     */
    public Optional<PaperCollection> readable(Optional<Long> viewer, long collectionId) {
        return store.collection(collectionId)
                .filter(c -> c.isPublic() || viewer.isPresent() && c.isOwnedBy(viewer.get()));
    }

    /** The member's own collection; {@code NO_SUCH_COLLECTION} when it is not theirs or does not exist. */
    public PaperCollection owned(long memberId, long collectionId) {
        return store.collection(collectionId).filter(c -> c.isOwnedBy(memberId))
                .orElseThrow(() -> new LibraryException(LibraryException.Code.NO_SUCH_COLLECTION,
                        "No such collection."));
    }

    /** Renames a collection of the member's and sets who may read it. */
    public PaperCollection update(long memberId, long collectionId, String name, Visibility visibility) {
        PaperCollection collection = owned(memberId, collectionId);
        store.update(collection.id(), new CollectionName(name), visibility, clock.instant());
        return owned(memberId, collectionId);
    }

    /** Deletes a collection of the member's; its papers stay in the library. */
    public void delete(long memberId, long collectionId) {
        store.delete(owned(memberId, collectionId).id());
    }

    /** Adds a paper to a collection of the member's, saving it to the library if it was not saved. */
    public void add(long memberId, long collectionId, ArxivId paper) {
        PaperCollection collection = owned(memberId, collectionId);
        requirePaper(paper);
        store.add(memberId, collection.id(), List.of(paper), clock.instant());
    }

    /** Takes a paper out of a collection of the member's; it stays in the library. */
    public void remove(long memberId, long collectionId, ArxivId paper) {
        store.remove(owned(memberId, collectionId).id(), paper);
    }

    /** The ids of the member's collections that hold the paper, for the collection picker. */
    public Set<Long> collectionsWith(long memberId, ArxivId paper) {
        return store.collectionsWith(memberId, paper);
    }

    /**
     * The collection picker's answer: the paper is saved and in exactly the {@code chosen} collections of the
     * member's; ids of other members' collections are refused like unknown ones.
     */
    public void placeIn(long memberId, ArxivId paper, Set<Long> chosen) {
        requirePaper(paper);
        Set<Long> own = store.collections(memberId).stream().map(PaperCollection::id).collect(Collectors.toSet());
        if (!own.containsAll(chosen)) {
            throw new LibraryException(LibraryException.Code.NO_SUCH_COLLECTION, "No such collection.");
        }
        store.place(memberId, paper, chosen, clock.instant());
    }

    /** Every paper the member saved and when, first saved first: for the export of their data. */
    public List<SavedPaper> savedPapers(long memberId) {
        return store.savedPapers(memberId);
    }

    /** Every paper of a collection the caller may read and when it was added, first added first. */
    public List<SavedPaper> collectionPapers(PaperCollection collection) {
        return store.collectionPapers(collection.id());
    }

    /** A page of a collection the caller may read (see {@link #readable}), last added first. */
    public Page<PaperEntry> papers(PaperCollection collection, int page, int pageSize) {
        return new Page<>(entries(store.papers(collection.id(), page * pageSize, pageSize)), page, pageSize,
                collection.papers());
    }

    /** Every paper of a collection the caller may read, last added first, for an export or a feed. */
    public List<PaperEntry> allPapers(PaperCollection collection) {
        return entries(store.papers(collection.id(), 0, MAX_EXPORT_PAPERS));
    }

    /** The member's whole library, last saved first, for an export. */
    public List<PaperEntry> allSaved(long memberId) {
        return entries(store.library(memberId, 0, MAX_EXPORT_PAPERS));
    }

    /**
     * Imports a BibTeX file into a collection of the member's: every entry that names an arXiv paper stored here
     * is added (and saved); every other entry is reported with its line and key, never dropped silently.
     */
    public ImportReport importBibtex(long memberId, long collectionId, String bibtex) {
        PaperCollection collection = owned(memberId, collectionId);
        BibtexReader.Result parsed = BibtexReader.read(bibtex);
        if (parsed.entries().size() > ImportReport.MAX_ENTRIES) {
            throw new LibraryException(LibraryException.Code.IMPORT_TOO_LARGE, "The file holds "
                    + parsed.entries().size() + " entries; an import takes at most " + ImportReport.MAX_ENTRIES + ".");
        }
        List<ImportReport.Line> lines = new ArrayList<>();
        parsed.problems().forEach(p -> lines.add(new ImportReport.Line(p.line(), p.key(), null,
                ImportReport.Outcome.MALFORMED, p.message())));
        List<BibtexEntry> arxiv = new ArrayList<>();
        for (BibtexEntry entry : parsed.entries()) {
            if (ArxivReference.of(entry).isPresent()) {
                arxiv.add(entry);
            } else {
                lines.add(new ImportReport.Line(entry.line(), entry.key(), null, ImportReport.Outcome.NOT_ARXIV,
                        "names no arXiv paper (no eprint with archivePrefix arXiv, arXiv URL, arXiv DOI or"
                                + " \"arXiv:\" journal)"));
            }
        }
        List<ArxivId> ids = arxiv.stream().map(e -> ArxivReference.of(e).orElseThrow()).distinct().toList();
        Map<ArxivId, PaperEntry> stored = papers.find(ids).stream()
                .collect(Collectors.toMap(e -> e.paper().id(), Function.identity()));
        Set<ArxivId> added = store.add(memberId, collection.id(), stored.keySet(), clock.instant());
        for (BibtexEntry entry : arxiv) {
            ArxivId id = ArxivReference.of(entry).orElseThrow();
            ImportReport.Outcome outcome = !stored.containsKey(id) ? ImportReport.Outcome.NOT_IN_INSTANCE
                    : added.remove(id) ? ImportReport.Outcome.ADDED : ImportReport.Outcome.ALREADY_THERE;
            lines.add(new ImportReport.Line(entry.line(), entry.key(), id, outcome, outcome.description()));
        }
        return new ImportReport(collection, lines);
    }

    private void requirePaper(ArxivId paper) {
        if (papers.find(paper).isEmpty()) {
            throw new LibraryException(LibraryException.Code.NO_SUCH_PAPER, "No paper " + paper + " here yet.");
        }
    }

    private List<PaperEntry> entries(List<ArxivId> ids) {
        return ids.isEmpty() ? List.of() : papers.find(ids);
    }
}
