package dailypapers.library;

import dailypapers.paper.ArxivId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where libraries are kept (the library_entry, paper_collection and collection_paper tables). A paper in a
 * collection is always in its owner's library: adding it to a collection saves it, and removing it from the library
 * removes it from every collection of the owner. Each method is one transaction.
 */
public interface LibraryStore {

    /** Saves a stored paper; false when it was saved already or no such paper is stored. */
    boolean save(long memberId, ArxivId paper, Instant at);

    /** Removes a paper from the library and from the member's collections; false when it was not saved. */
    boolean unsave(long memberId, ArxivId paper);

    /** Of these papers, those the member saved. */
    Set<ArxivId> saved(long memberId, Collection<ArxivId> papers);

    /** The member's saved papers, last saved first (ties by id, descending). */
    List<ArxivId> library(long memberId, int offset, int limit);

    int countLibrary(long memberId);

    /**
     * Adds a collection. Throws {@link LibraryException} with {@code NAME_TAKEN} when the member has one of the same
     * name whatever its case (also when both are added at once), or {@code TOO_MANY_COLLECTIONS} when they have
     * {@code maxCollections} already.
     */
    PaperCollection create(long memberId, CollectionName name, Visibility visibility, Instant at, int maxCollections);

    Optional<PaperCollection> collection(long id);

    /** The member's collections by name. */
    List<PaperCollection> collections(long memberId);

    /** Renames and sets who may read it; {@code NAME_TAKEN} as for {@link #create}. False when there is none. */
    boolean update(long collectionId, CollectionName name, Visibility visibility, Instant at);

    /** Deletes a collection; its papers stay in the library. False when there was none. */
    boolean delete(long collectionId);

    /**
     * Adds stored papers to a collection of {@code memberId}'s, saving those not saved yet; papers not stored are
     * left out. Returns the papers that were not in the collection before.
     */
    Set<ArxivId> add(long memberId, long collectionId, Collection<ArxivId> papers, Instant at);

    /**
     * Saves a stored paper and puts it in exactly these collections of {@code memberId}'s, taking it out of their
     * others; ids of collections not theirs are ignored.
     */
    void place(long memberId, ArxivId paper, Set<Long> collectionIds, Instant at);

    /** Takes a paper out of a collection (not out of the library); false when it was not in it. */
    boolean remove(long collectionId, ArxivId paper);

    /** The papers of a collection, last added first (ties by id, descending). */
    List<ArxivId> papers(long collectionId, int offset, int limit);

    /** Every paper the member saved and when, first saved first (ties by id). */
    List<SavedPaper> savedPapers(long memberId);

    /** Every paper of a collection and when it was added, first added first (ties by id). */
    List<SavedPaper> collectionPapers(long collectionId);

    /** The ids of the member's collections that hold the paper. */
    Set<Long> collectionsWith(long memberId, ArxivId paper);
}
