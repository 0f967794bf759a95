package dailypapers.store;

import dailypapers.library.CollectionName;
import dailypapers.library.LibraryException;
import dailypapers.library.LibraryStore;
import dailypapers.library.PaperCollection;
import dailypapers.library.SavedPaper;
import dailypapers.library.Visibility;
import dailypapers.paper.ArxivId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * {@link LibraryStore} on the library_entry, paper_collection and collection_paper tables, in SQL that SQLite and
 * PostgreSQL both run. Collections are public pages, so their writes take the data version's lock first
 * ({@link HandleSource#versioned}). Name uniqueness is the database's: {@code ON CONFLICT DO NOTHING} on
 * {@code (member_id, name_key)}, then a look at what was there.
 */
public final class JdbiLibraryStore implements LibraryStore {

    /**
     * Times of saving and adding order the listings, so they are stored with a fixed number of fraction digits:
     * {@link Instant#toString()} has none for a whole second, which sorts after any fraction of that second.
     */
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final String COLLECTION_COLUMNS = """
            c.id, c.member_id, c.name, c.visibility, c.created_at, c.updated_at,
            (SELECT COUNT(*) FROM collection_paper cp WHERE cp.collection_id = c.id) AS papers""";

    private final HandleSource handles;

    public JdbiLibraryStore(Database database) {
        this.handles = HandleSource.versioned(database);
    }

    @Override
    public boolean save(long memberId, ArxivId paper, Instant at) {
        return handles.write(h -> saveIfStored(h, memberId, List.of(paper), at)) > 0;
    }

    private static int saveIfStored(Handle h, long memberId, Collection<ArxivId> papers, Instant at) {
        return h.createUpdate("""
                        INSERT INTO library_entry (member_id, paper_id, saved_at)
                        SELECT :member, p.id, :at FROM paper p WHERE p.id IN (<ids>)
                        ON CONFLICT (member_id, paper_id) DO NOTHING""")
                .bind("member", memberId)
                .bind("at", SORTABLE.format(at))
                .bindList("ids", ids(papers))
                .execute();
    }

    @Override
    public boolean unsave(long memberId, ArxivId paper) {
        return handles.write(h -> h.createUpdate(
                        "DELETE FROM library_entry WHERE member_id = :member AND paper_id = :paper")
                .bind("member", memberId).bind("paper", paper.value()).execute()) > 0;
    }

    @Override
    public Set<ArxivId> saved(long memberId, Collection<ArxivId> papers) {
        if (papers.isEmpty()) {
            return Set.of();
        }
        return handles.read(h -> new HashSet<>(h.createQuery(
                        "SELECT paper_id FROM library_entry WHERE member_id = :member AND paper_id IN (<ids>)")
                .bind("member", memberId).bindList("ids", ids(papers))
                .map((rs, ctx) -> new ArxivId(rs.getString(1))).list()));
    }

    @Override
    public List<ArxivId> library(long memberId, int offset, int limit) {
        return handles.read(h -> h.createQuery("""
                        SELECT paper_id FROM library_entry WHERE member_id = :member
                        ORDER BY saved_at DESC, paper_id DESC LIMIT :limit OFFSET :offset""")
                .bind("member", memberId).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new ArxivId(rs.getString(1))).list());
    }

    @Override
    public int countLibrary(long memberId) {
        return handles.read(h -> h.createQuery("SELECT COUNT(*) FROM library_entry WHERE member_id = :member")
                .bind("member", memberId).mapTo(Integer.class).one());
    }

    @Override
    public PaperCollection create(long memberId, CollectionName name, Visibility visibility, Instant at,
            int maxCollections) {
        return handles.write(h -> {
            int owned = h.createQuery("SELECT COUNT(*) FROM paper_collection WHERE member_id = :member")
                    .bind("member", memberId).mapTo(Integer.class).one();
            if (owned >= maxCollections) {
                throw new LibraryException(LibraryException.Code.TOO_MANY_COLLECTIONS,
                        "You have " + maxCollections + " collections, the most one member may have.");
            }
            Optional<Long> id = h.createQuery("""
                            INSERT INTO paper_collection (member_id, name, name_key, visibility, created_at, updated_at)
                            VALUES (:member, :name, :key, :visibility, :at, :at)
                            ON CONFLICT (member_id, name_key) DO NOTHING
                            RETURNING id""")
                    .bind("member", memberId)
                    .bind("name", name.value())
                    .bind("key", name.key())
                    .bind("visibility", visibility.key())
                    .bind("at", SORTABLE.format(at))
                    .mapTo(Long.class)
                    .findOne();
            return new PaperCollection(id.orElseThrow(() -> nameTaken(name)), memberId, name, visibility, at, at, 0);
        });
    }

    private static LibraryException nameTaken(CollectionName name) {
        return new LibraryException(LibraryException.Code.NAME_TAKEN,
                "You have a collection named \"" + name + "\" already.");
    }

    @Override
    public Optional<PaperCollection> collection(long id) {
        return handles.read(h -> h.createQuery("SELECT " + COLLECTION_COLUMNS
                        + " FROM paper_collection c WHERE c.id = :id")
                .bind("id", id).map((rs, ctx) -> collection(rs)).findOne());
    }

    @Override
    public List<PaperCollection> collections(long memberId) {
        return handles.read(h -> h.createQuery("SELECT " + COLLECTION_COLUMNS
                        + " FROM paper_collection c WHERE c.member_id = :member ORDER BY c.name_key, c.id")
                .bind("member", memberId).map((rs, ctx) -> collection(rs)).list());
    }

    @Override
    public boolean update(long collectionId, CollectionName name, Visibility visibility, Instant at) {
        return handles.write(h -> {
            Optional<Long> owner = h.createQuery("SELECT member_id FROM paper_collection WHERE id = :id")
                    .bind("id", collectionId).mapTo(Long.class).findOne();
            if (owner.isEmpty()) {
                return false;
            }
            boolean taken = h.createQuery("""
                            SELECT COUNT(*) FROM paper_collection
                            WHERE member_id = :member AND name_key = :key AND id <> :id""")
                    .bind("member", owner.get()).bind("key", name.key()).bind("id", collectionId)
                    .mapTo(Integer.class).one() > 0;
            if (taken) {
                throw nameTaken(name);
            }
            return h.createUpdate("""
                            UPDATE paper_collection SET name = :name, name_key = :key, visibility = :visibility,
                                updated_at = :at
                            WHERE id = :id""")
                    .bind("name", name.value()).bind("key", name.key()).bind("visibility", visibility.key())
                    .bind("at", SORTABLE.format(at)).bind("id", collectionId).execute() > 0;
        });
    }

    @Override
    public boolean delete(long collectionId) {
        return handles.write(h -> h.createUpdate("DELETE FROM paper_collection WHERE id = :id")
                .bind("id", collectionId).execute()) > 0;
    }

    @Override
    public Set<ArxivId> add(long memberId, long collectionId, Collection<ArxivId> papers, Instant at) {
        if (papers.isEmpty()) {
            return Set.of();
        }
        return handles.write(h -> {
            Set<ArxivId> before = new HashSet<>(h.createQuery(
                            "SELECT paper_id FROM collection_paper WHERE collection_id = :collection AND paper_id IN (<ids>)")
                    .bind("collection", collectionId).bindList("ids", ids(papers))
                    .map((rs, ctx) -> new ArxivId(rs.getString(1))).list());
            saveIfStored(h, memberId, papers, at);
            h.createUpdate("""
                            INSERT INTO collection_paper (collection_id, member_id, paper_id, added_at)
                            SELECT c.id, e.member_id, e.paper_id, :at
                            FROM paper_collection c JOIN library_entry e ON e.member_id = c.member_id
                            WHERE c.id = :collection AND c.member_id = :member AND e.paper_id IN (<ids>)
                            ON CONFLICT (collection_id, paper_id) DO NOTHING""")
                    .bind("collection", collectionId).bind("member", memberId)
                    .bind("at", SORTABLE.format(at)).bindList("ids", ids(papers))
                    .execute();
            Set<ArxivId> now = new LinkedHashSet<>(h.createQuery(
                            "SELECT paper_id FROM collection_paper WHERE collection_id = :collection AND paper_id IN (<ids>)")
                    .bind("collection", collectionId).bindList("ids", ids(papers))
                    .map((rs, ctx) -> new ArxivId(rs.getString(1))).list());
            now.removeAll(before);
            return now;
        });
    }

    @Override
    public void place(long memberId, ArxivId paper, Set<Long> collectionIds, Instant at) {
        handles.write(h -> {
            saveIfStored(h, memberId, List.of(paper), at);
            h.createUpdate("""
                            DELETE FROM collection_paper WHERE member_id = :member AND paper_id = :paper
                            AND collection_id NOT IN (<kept>)""")
                    .bind("member", memberId).bind("paper", paper.value())
                    // An empty IN list is not SQL: no collection has id 0, so it keeps none.
                    .bindList("kept", collectionIds.isEmpty() ? List.of(0L) : List.copyOf(collectionIds))
                    .execute();
            if (collectionIds.isEmpty()) {
                return 0;
            }
            return h.createUpdate("""
                            INSERT INTO collection_paper (collection_id, member_id, paper_id, added_at)
                            SELECT c.id, e.member_id, e.paper_id, :at
                            FROM paper_collection c JOIN library_entry e ON e.member_id = c.member_id
                            WHERE c.id IN (<chosen>) AND c.member_id = :member AND e.paper_id = :paper
                            ON CONFLICT (collection_id, paper_id) DO NOTHING""")
                    .bind("member", memberId).bind("paper", paper.value()).bind("at", SORTABLE.format(at))
                    .bindList("chosen", List.copyOf(collectionIds))
                    .execute();
        });
    }

    @Override
    public boolean remove(long collectionId, ArxivId paper) {
        return handles.write(h -> h.createUpdate(
                        "DELETE FROM collection_paper WHERE collection_id = :collection AND paper_id = :paper")
                .bind("collection", collectionId).bind("paper", paper.value()).execute()) > 0;
    }

    @Override
    public List<ArxivId> papers(long collectionId, int offset, int limit) {
        return handles.read(h -> h.createQuery("""
                        SELECT paper_id FROM collection_paper WHERE collection_id = :collection
                        ORDER BY added_at DESC, paper_id DESC LIMIT :limit OFFSET :offset""")
                .bind("collection", collectionId).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new ArxivId(rs.getString(1))).list());
    }

    @Override
    public List<SavedPaper> savedPapers(long memberId) {
        return savedPapers("""
                SELECT paper_id, saved_at FROM library_entry WHERE member_id = :id
                ORDER BY saved_at, paper_id""", memberId);
    }

    @Override
    public List<SavedPaper> collectionPapers(long collectionId) {
        return savedPapers("""
                SELECT paper_id, added_at FROM collection_paper WHERE collection_id = :id
                ORDER BY added_at, paper_id""", collectionId);
    }

    /** The papers and times a query selects by {@code :id}, in its order. */
    private List<SavedPaper> savedPapers(String query, long id) {
        return handles.read(h -> h.createQuery(query).bind("id", id).map((rs, ctx) -> savedPaper(rs)).list());
    }

    private static SavedPaper savedPaper(ResultSet rs) throws SQLException {
        return new SavedPaper(new ArxivId(rs.getString(1)), Instant.parse(rs.getString(2)));
    }

    @Override
    public Set<Long> collectionsWith(long memberId, ArxivId paper) {
        return handles.read(h -> new HashSet<>(h.createQuery(
                        "SELECT collection_id FROM collection_paper WHERE member_id = :member AND paper_id = :paper")
                .bind("member", memberId).bind("paper", paper.value()).mapTo(Long.class).list()));
    }

    private static List<String> ids(Collection<ArxivId> papers) {
        return papers.stream().map(ArxivId::value).distinct().toList();
    }

    private static PaperCollection collection(ResultSet rs) throws SQLException {
        return new PaperCollection(rs.getLong("id"), rs.getLong("member_id"), new CollectionName(rs.getString("name")),
                Visibility.of(rs.getString("visibility")).orElseThrow(),
                Instant.parse(rs.getString("created_at")), Instant.parse(rs.getString("updated_at")),
                rs.getInt("papers"));
    }
}
