package dailypapers.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dailypapers.feed.TrendingScore;
import dailypapers.paper.ArxivId;
import dailypapers.paper.FeaturedQuery;
import dailypapers.paper.Featuring;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperEntry;
import dailypapers.paper.PaperRecord;
import dailypapers.paper.PaperStore;
import dailypapers.paper.UpsertCounts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link PaperStore} in SQL that SQLite and PostgreSQL both run unchanged. Works on the database (each call its own
 * transaction) or inside a {@link JdbiTransactions} transaction.
 */
public final class JdbiPaperStore implements PaperStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };
    /** Reads the JSON lists of a row with its deserializer found once, not per value. */
    private static final ObjectReader STRING_LIST_READER = JSON.readerFor(STRING_LIST);

    /** The columns of a {@link Paper}. */
    static final String PAPER_COLUMNS = """
            p.id, p.title, p.abstract, p.authors, p.published, p.updated, p.version, p.categories,
            p.arxiv_comment, p.doi, p.journal_ref, p.github_repo, p.project_page, p.ai_keywords, p.sources""";

    /**
     * The columns of a {@link PaperEntry}, from {@code paper p LEFT JOIN featured f}. The comments shown are the
     * upstream count plus the members' visible comments here (kept by V21's triggers).
     */
    static final String ENTRY_COLUMNS = PAPER_COLUMNS
            + ", p.upvotes, p.num_comments + p.member_comments AS num_comments, f.day, f.featured_at, f.submitted_by";

    /** Ids bound in one {@link #titles} query. */
    private static final int TITLES_PER_QUERY = 1_000;

    private final HandleSource handles;
    private final Clock clock;

    /**
     * A paper a moderator hid (moderation, table paper_hidden) is in no listing, count or {@link #find(List)}:
     * only {@link #find(ArxivId)} still returns it, for its page to say it is hidden.
     */
    static String visible(String paperIdColumn) {
        return "NOT EXISTS (SELECT 1 FROM paper_hidden ph WHERE ph.paper_id = " + paperIdColumn + ")";
    }

    public JdbiPaperStore(Database database, Clock clock) {
        this(HandleSource.versioned(database), clock);
    }

    JdbiPaperStore(HandleSource handles, Clock clock) {
        this.handles = handles;
        this.clock = clock;
    }

    @Override
    public UpsertCounts upsert(List<PaperRecord> records, Merge merge) {
        if (records.isEmpty()) {
            return UpsertCounts.NONE;
        }
        Map<String, PaperRecord> byId = new LinkedHashMap<>();
        for (PaperRecord record : records) {
            byId.put(record.paper().id().value(), record);
        }
        UpsertCounts counts = handles.write(handle -> upsert(handle, byId, merge));
        // A record superseded by a later one for the same id in the same batch counts as unchanged.
        int superseded = records.size() - byId.size();
        return counts.plus(new UpsertCounts(0, 0, superseded));
    }

    /**
     * Runs in a write transaction, which on PostgreSQL as on SQLite lets one writer in at a time
     * ({@link Database#inWriteTransaction}): the papers an upsert merges with cannot change between
     * its read and its write, and two upserts never insert the same new paper at once.
     */
    private UpsertCounts upsert(Handle handle, Map<String, PaperRecord> byId, Merge merge) {
        // Replacing needs only what tells an unchanged or older record: reading whole rows, abstracts and all, made
        // re-importing the 81,070 shared papers take 30 s instead of 18 s.
        boolean merging = merge != Merge.REPLACE;
        Map<String, Stored> stored = new HashMap<>();
        handle.createQuery("SELECT " + (merging ? PAPER_COLUMNS : "p.id, p.updated, p.version")
                        + ", p.content_hash FROM paper p WHERE p.id IN (<ids>)")
                .bindList("ids", List.copyOf(byId.keySet()))
                .map((rs, ctx) -> new Stored(rs.getString("id"), rs.getString("content_hash"), rs.getInt("version"),
                        date(rs.getString("updated")), merging ? Optional.of(mapPaper(rs)) : Optional.empty()))
                .forEach(s -> stored.put(s.id(), s));

        List<PaperRecord> inserts = new ArrayList<>();
        List<PaperRecord> updates = new ArrayList<>();
        int unchanged = 0;
        for (PaperRecord incoming : byId.values()) {
            Stored old = stored.get(incoming.paper().id().value());
            if (old == null) {
                inserts.add(incoming);
                continue;
            }
            PaperRecord record = old.paper().map(paper -> merge.merge(incoming, paper)).orElse(incoming);
            if (old.contentHash().equals(ContentHash.of(record)) || old.isNewerThan(record.paper())) {
                unchanged++;
            } else {
                updates.add(record);
            }
        }
        String now = Instant.now(clock).toString();
        insertPapers(handle, inserts, now);
        updatePapers(handle, updates, now);
        List<PaperRecord> changed = new ArrayList<>(inserts);
        changed.addAll(updates);
        replaceAuthorsAndCategories(handle, updates, changed);
        // The upvotes each changed paper shows: a new one its upstream count (it has no votes yet), an updated one
        // its recount.
        Map<String, Integer> upvotes = new HashMap<>();
        inserts.forEach(r -> upvotes.put(r.paper().id().value(), upstreamUpvotes(r)));
        upvotes.putAll(recountUpvotes(handle, updates.stream().map(r -> r.paper().id().value()).toList(), now));
        upsertFeaturings(handle, changed, upvotes);
        return new UpsertCounts(inserts.size(), updates.size(), unchanged);
    }

    /**
     * Inserts papers. A paper not stored until now has no votes (vote rows reference it), so the upvotes it shows
     * are its upstream ones; recounting them would write every new row twice.
     */
    private static void insertPapers(Handle handle, List<PaperRecord> records, String now) {
        if (records.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO paper (id, title, abstract, authors, published, updated, version,
                    categories, arxiv_comment, doi, journal_ref, github_repo, project_page, ai_keywords, sources,
                    upstream_upvotes, upvotes, num_comments, content_hash, created_at, updated_at)
                VALUES (:id, :title, :abstract, :authors, :published, :updated, :version,
                    :categories, :comment, :doi, :journalRef, :githubRepo, :projectPage, :aiKeywords, :sources,
                    :upstreamUpvotes, :upstreamUpvotes, :numComments, :contentHash, :now, :now)""");
        for (PaperRecord record : records) {
            bindPaper(batch, record)
                    .bind("upstreamUpvotes", upstreamUpvotes(record))
                    .bind("numComments", record.numComments() == null ? 0 : record.numComments())
                    .bind("now", now)
                    .add();
        }
        batch.execute();
    }

    /** Updates papers; on PostgreSQL this also takes their row locks, which {@link #recountUpvotes} relies on. */
    private static void updatePapers(Handle handle, List<PaperRecord> records, String now) {
        if (records.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                UPDATE paper SET title = :title, abstract = :abstract, authors = :authors,
                    published = :published, updated = :updated, version = :version,
                    categories = :categories, arxiv_comment = :comment, doi = :doi, journal_ref = :journalRef,
                    github_repo = :githubRepo, project_page = :projectPage, ai_keywords = :aiKeywords,
                    sources = :sources,
                    upstream_upvotes = COALESCE(:upstreamUpvotes, upstream_upvotes),
                    num_comments = COALESCE(:numComments, num_comments),
                    content_hash = :contentHash, updated_at = :now
                WHERE id = :id""");
        for (PaperRecord record : records) {
            bindPaper(batch, record)
                    .bind("upstreamUpvotes", record.upvotes())
                    .bind("numComments", record.numComments())
                    .bind("now", now)
                    .add();
        }
        batch.execute();
    }

    /** The upstream upvotes a new paper starts with: a record that does not say has none. */
    private static int upstreamUpvotes(PaperRecord record) {
        return record.upvotes() == null ? 0 : record.upvotes();
    }

    private static PreparedBatch bindPaper(PreparedBatch batch, PaperRecord record) {
        Paper paper = record.paper();
        return batch.bind("id", paper.id().value())
                .bind("title", paper.title())
                .bind("abstract", paper.abstractText())
                .bind("authors", toJson(paper.authors()))
                .bind("published", paper.published().toString())
                .bind("updated", paper.updated() == null ? null : paper.updated().toString())
                .bind("version", paper.version())
                .bind("categories", toJson(paper.categories()))
                .bind("comment", paper.comment())
                .bind("doi", paper.doi())
                .bind("journalRef", paper.journalRef())
                .bind("githubRepo", paper.githubRepo())
                .bind("projectPage", paper.projectPage())
                .bind("aiKeywords", toJson(paper.aiKeywords()))
                .bind("sources", toJson(paper.sources()))
                .bind("contentHash", ContentHash.of(record));
    }

    private static void replaceAuthorsAndCategories(Handle handle, List<PaperRecord> updated,
            List<PaperRecord> changed) {
        if (!updated.isEmpty()) {
            List<String> ids = updated.stream().map(r -> r.paper().id().value()).toList();
            handle.createUpdate("DELETE FROM paper_author WHERE paper_id IN (<ids>)").bindList("ids", ids).execute();
            handle.createUpdate("DELETE FROM paper_category WHERE paper_id IN (<ids>)").bindList("ids", ids)
                    .execute();
        }
        PreparedBatch authors = handle.prepareBatch(
                "INSERT INTO paper_author (paper_id, position, name) VALUES (:id, :position, :name)");
        PreparedBatch categories = handle.prepareBatch("""
                INSERT INTO paper_category (paper_id, category, position, published)
                VALUES (:id, :category, :position, :published)""");
        for (PaperRecord record : changed) {
            Paper paper = record.paper();
            for (int i = 0; i < paper.authors().size(); i++) {
                authors.bind("id", paper.id().value()).bind("position", i).bind("name", paper.authors().get(i)).add();
            }
            List<String> distinct = paper.categories().stream().distinct().toList();
            for (int i = 0; i < distinct.size(); i++) {
                categories.bind("id", paper.id().value()).bind("category", distinct.get(i)).bind("position", i)
                        .bind("published", paper.published().toString()).add();
            }
        }
        if (authors.size() > 0) {
            authors.execute();
        }
        if (categories.size() > 0) {
            categories.execute();
        }
    }

    /** Features papers on their day, with the upvotes each shows ({@code upvotes} by id) and its trending score. */
    private static void upsertFeaturings(Handle handle, List<PaperRecord> changed, Map<String, Integer> upvotes) {
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO featured (paper_id, day, featured_at, submitted_by, upvotes, trending)
                VALUES (:id, :day, :featuredAt, :submittedBy, :upvotes, :trending)
                ON CONFLICT (paper_id) DO UPDATE
                    SET day = excluded.day, featured_at = excluded.featured_at,
                        submitted_by = excluded.submitted_by, upvotes = excluded.upvotes,
                        trending = excluded.trending""");
        for (PaperRecord record : changed) {
            if (record.featuredOn() != null) {
                String id = record.paper().id().value();
                Instant featuredAt = record.featuredOn().atStartOfDay(ZoneOffset.UTC).toInstant();
                int shown = upvotes.get(id);
                batch.bind("id", id)
                        .bind("day", record.featuredOn().toString())
                        .bind("featuredAt", featuredAt.toString())
                        .bind("submittedBy", record.submittedBy() == null ? "import" : record.submittedBy())
                        .bind("upvotes", shown)
                        .bind("trending", TrendingScore.score(shown, featuredAt))
                        .add();
            }
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    @Override
    public boolean addVote(ArxivId paper, String voter) {
        Instant at = Instant.now(clock);
        String now = at.toString();
        return handles.write(handle -> {
            if (!lockPaper(handle, paper)) {
                return false;
            }
            int added = handle.createUpdate("""
                            INSERT INTO vote (paper_id, voter, created_at) VALUES (:id, :voter, :now)
                            ON CONFLICT (paper_id, voter) DO NOTHING""")
                    .bind("id", paper.value()).bind("voter", voter).bind("now", StoredTimes.sortable(at))
                    .execute();
            if (added == 0) {
                return false;
            }
            recountUpvotes(handle, List.of(paper.value()), now);
            return true;
        });
    }

    @Override
    public boolean removeVote(ArxivId paper, String voter) {
        String now = Instant.now(clock).toString();
        return handles.write(handle -> {
            lockPaper(handle, paper);
            int removed = handle.createUpdate("DELETE FROM vote WHERE paper_id = :id AND voter = :voter")
                    .bind("id", paper.value()).bind("voter", voter)
                    .execute();
            if (removed == 0) {
                return false;
            }
            recountUpvotes(handle, List.of(paper.value()), now);
            return true;
        });
    }

    /**
     * Takes the paper's row lock (PostgreSQL; SQLite's transaction holds the whole database's write lock already)
     * and tells whether the paper exists.
     */
    private boolean lockPaper(Handle handle, ArxivId paper) {
        return handle.createQuery("SELECT id FROM paper WHERE id = :id" + (handles.isSqlite() ? "" : " FOR UPDATE"))
                .bind("id", paper.value())
                .mapTo(String.class)
                .findOne()
                .isPresent();
    }

    /**
     * Sets the upvotes each paper shows from rows, upstream upvotes plus its votes, on the paper and its featured
     * row alike (rescoring that row), and marks the paper written so the search index syncs it; returns them by
     * id. Every write to a stored paper's upstream upvotes or votes ends with this. The caller holds the papers'
     * row locks from an earlier statement: PostgreSQL counts in the snapshot a statement starts with, so a vote
     * committed while this statement waited for a row lock would be missed.
     */
    private static Map<String, Integer> recountUpvotes(Handle handle, List<String> ids, String now) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> upvotes = new HashMap<>();
        PreparedBatch featured = handle.prepareBatch(
                "UPDATE featured SET upvotes = :upvotes, trending = :trending WHERE paper_id = :id");
        handle.createQuery("""
                        UPDATE paper
                        SET upvotes = upstream_upvotes + (SELECT COUNT(*) FROM vote v WHERE v.paper_id = paper.id),
                            updated_at = :now
                        WHERE id IN (<ids>)
                        RETURNING id, upvotes, (SELECT featured_at FROM featured f WHERE f.paper_id = paper.id)
                            AS featured_at""")
                .bind("now", now)
                .bindList("ids", ids)
                .map((rs, ctx) -> new Recounted(rs.getString("id"), rs.getInt("upvotes"),
                        Optional.ofNullable(rs.getString("featured_at")).map(Instant::parse)))
                .forEach(paper -> {
                    upvotes.put(paper.id(), paper.upvotes());
                    paper.featuredAt().ifPresent(at -> featured.bind("id", paper.id())
                            .bind("upvotes", paper.upvotes())
                            .bind("trending", TrendingScore.score(paper.upvotes(), at))
                            .add());
                });
        if (featured.size() > 0) {
            featured.execute();
        }
        return upvotes;
    }

    /** A paper's recounted upvotes, and when it was featured if it was. */
    private record Recounted(String id, int upvotes, Optional<Instant> featuredAt) {
    }

    @Override
    public Optional<PaperEntry> find(ArxivId id) {
        return handles.read(h -> h.createQuery("SELECT " + ENTRY_COLUMNS
                        + " FROM paper p LEFT JOIN featured f ON f.paper_id = p.id WHERE p.id = :id")
                .bind("id", id.value())
                .map(JdbiPaperStore::mapEntry)
                .findOne());
    }

    @Override
    public List<PaperEntry> find(List<ArxivId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return handles.read(h -> entries(h, ids.stream().map(ArxivId::value).toList()));
    }

    @Override
    public List<PaperEntry> featured(FeaturedQuery query, int offset, int limit) {
        return entries("f.paper_id", featuredFromWhereOrder(query), featuredParams(query), offset, limit);
    }

    @Override
    public List<ArxivId> featuredIds(FeaturedQuery query) {
        return handles.read(h -> h.createQuery("SELECT f.paper_id " + featuredFromWhereOrder(query))
                .bindMap(featuredParams(query))
                .map((rs, ctx) -> new ArxivId(rs.getString("paper_id")))
                .list());
    }

    private static String featuredFromWhereOrder(FeaturedQuery query) {
        String order = switch (query.order()) {
            case UPVOTES -> "f.upvotes DESC, f.featured_at DESC, f.paper_id DESC";
            case NEWEST -> "f.featured_at DESC, f.paper_id DESC";
            // featured_trending's order, so a page is the first rows of an index scan.
            case TRENDING -> "f.trending DESC, f.paper_id DESC";
        };
        return "FROM featured f WHERE " + featuredWhere(query) + " ORDER BY " + order;
    }

    /**
     * Read for every page request (its validator and its cache key), so in plain JDBC on the handle's connection:
     * Jdbi's statement machinery (config lookups, mappers, cleanables) was a quarter of a cached answer's time.
     */
    @Override
    public long dataVersion() {
        return handles.read(h -> {
            try (PreparedStatement statement = h.getConnection().prepareStatement("SELECT value FROM data_version");
                    ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the data_version row is missing");
                }
                return row.getLong(1);
            } catch (SQLException e) {
                throw new DatabaseException("cannot read the data version", e);
            }
        });
    }

    @Override
    public int countFeatured(FeaturedQuery query) {
        return count("SELECT COUNT(*) FROM featured f WHERE " + featuredWhere(query), featuredParams(query));
    }

    /**
     * The selection as a condition. Ranked by trending, a selection that runs to {@link FeaturedQuery#END} (the
     * trending window) names no upper day, and it names a score no paper featured from its first day can fall
     * below (a paper without votes featured at the day's start): implied by the day bound, it is the range the
     * featured_trending index serves in order, where a day range would have the planners gather the days' rows by
     * featured_day and sort them. A bounded period ranked by trending gets no such floor: there the day range is the
     * narrow side, and a floor would invite PostgreSQL to walk the score index through every newer paper.
     */
    private static String featuredWhere(FeaturedQuery query) {
        return "f.day >= :from" + (hasUntil(query) ? " AND f.day < :until" : " AND f.trending >= :lowestTrending")
                + " AND " + visible("f.paper_id")
                + (query.submitter().isPresent() ? " AND f.submitted_by = :submitter" : "");
    }

    private static boolean isTrending(FeaturedQuery query) {
        return query.order() == FeaturedQuery.Order.TRENDING;
    }

    private static boolean hasUntil(FeaturedQuery query) {
        return !(isTrending(query) && query.until().equals(FeaturedQuery.END));
    }

    private static Map<String, Object> featuredParams(FeaturedQuery query) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", query.from().toString());
        if (hasUntil(query)) {
            params.put("until", query.until().toString());
        } else {
            params.put("lowestTrending",
                    TrendingScore.score(0, query.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        query.submitter().ifPresent(s -> params.put("submitter", s));
        return params;
    }

    @Override
    public Optional<LocalDate> featuredDayBefore(LocalDate day) {
        return day("SELECT MAX(day) FROM featured f WHERE day < :day AND " + visible("f.paper_id"),
                Map.of("day", day.toString()));
    }

    @Override
    public Optional<LocalDate> featuredDayAfter(LocalDate day) {
        return day("SELECT MIN(day) FROM featured f WHERE day > :day AND " + visible("f.paper_id"),
                Map.of("day", day.toString()));
    }

    @Override
    public Optional<LocalDate> latestFeaturedDay() {
        return day("SELECT MAX(day) FROM featured f WHERE " + visible("f.paper_id"), Map.of());
    }

    @Override
    public SortedMap<LocalDate, Integer> featuredCountsByDay(LocalDate from, LocalDate until) {
        return handles.read(h -> h.createQuery(
                        "SELECT day, COUNT(*) AS papers FROM featured f WHERE day >= :from AND day < :until AND "
                                + visible("f.paper_id") + " GROUP BY day")
                .bind("from", from.toString())
                .bind("until", until.toString())
                .map((rs, ctx) -> Map.entry(LocalDate.parse(rs.getString("day")), rs.getInt("papers")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Integer::sum, TreeMap::new)));
    }

    @Override
    public List<PaperEntry> published(LocalDate day, Optional<String> category, int offset, int limit) {
        if (category.isPresent()) {
            return entries("c.paper_id", """
                    FROM paper_category c
                    WHERE c.category = :category AND c.published = :day AND %s
                    ORDER BY c.paper_id DESC""".formatted(visible("c.paper_id")),
                    Map.of("category", category.get(), "day", day.toString()), offset, limit);
        }
        return entries("p.id", """
                FROM paper p
                WHERE p.published = :day AND %s
                ORDER BY p.id DESC""".formatted(visible("p.id")),
                Map.of("day", day.toString()), offset, limit);
    }

    @Override
    public int countPublished(LocalDate day, Optional<String> category) {
        return category.isPresent()
                ? count("SELECT COUNT(*) FROM paper_category c WHERE category = :category AND published = :day AND "
                        + visible("c.paper_id"), Map.of("category", category.get(), "day", day.toString()))
                : count("SELECT COUNT(*) FROM paper p WHERE published = :day AND " + visible("p.id"),
                        Map.of("day", day.toString()));
    }

    @Override
    public Optional<LocalDate> publishedDayBefore(LocalDate day, Optional<String> category) {
        return publishedDay("MAX", "<", day, category);
    }

    @Override
    public Optional<LocalDate> publishedDayAfter(LocalDate day, Optional<String> category) {
        return publishedDay("MIN", ">", day, category);
    }

    @Override
    public Optional<LocalDate> latestPublishedDay(Optional<String> category) {
        return publishedDay("MAX", "<=", LocalDate.MAX, category);
    }

    private Optional<LocalDate> publishedDay(String aggregate, String comparison, LocalDate day,
            Optional<String> category) {
        String bound = day.equals(LocalDate.MAX) ? "9999-12-31" : day.toString();
        return category.isPresent()
                ? day("SELECT " + aggregate + "(published) FROM paper_category c WHERE category = :category"
                        + " AND published " + comparison + " :day AND " + visible("c.paper_id"),
                        Map.of("category", category.get(), "day", bound))
                : day("SELECT " + aggregate + "(published) FROM paper p WHERE published " + comparison + " :day AND "
                        + visible("p.id"), Map.of("day", bound));
    }

    @Override
    public List<PaperEntry> byAuthor(String name, int offset, int limit) {
        return entries("p.id", """
                FROM paper p
                WHERE p.id IN (SELECT paper_id FROM paper_author WHERE name = :name) AND %s
                ORDER BY p.published DESC, p.id DESC""".formatted(visible("p.id")),
                Map.of("name", name), offset, limit);
    }

    @Override
    public int countByAuthor(String name) {
        return count("SELECT COUNT(DISTINCT paper_id) FROM paper_author a WHERE name = :name AND "
                + visible("a.paper_id"), Map.of("name", name));
    }

    @Override
    public List<PaperEntry> inCategory(String category, int offset, int limit) {
        return entries("c.paper_id", """
                FROM paper_category c
                WHERE c.category = :category AND %s
                ORDER BY c.published DESC, c.paper_id DESC""".formatted(visible("c.paper_id")),
                Map.of("category", category), offset, limit);
    }

    @Override
    public int countInCategory(String category) {
        return count("SELECT COUNT(*) FROM paper_category c WHERE category = :category AND " + visible("c.paper_id"),
                Map.of("category", category));
    }

    @Override
    public List<PaperRecord> records(Optional<ArxivId> after, int limit) {
        // Keyset paging on the primary key: each page is an index range, however deep the export has got.
        return handles.read(h -> h.createQuery("SELECT " + PAPER_COLUMNS + """
                        , p.upstream_upvotes, p.num_comments, f.day, f.submitted_by
                        FROM paper p LEFT JOIN featured f ON f.paper_id = p.id
                        WHERE p.id > :after ORDER BY p.id LIMIT :limit""")
                .bind("after", after.map(ArxivId::value).orElse(""))
                .bind("limit", limit)
                .map((rs, ctx) -> new PaperRecord(mapPaper(rs), rs.getInt("upstream_upvotes"),
                        rs.getInt("num_comments"), date(rs.getString("day")), rs.getString("submitted_by")))
                .list());
    }

    @Override
    public Map<ArxivId, String> titles(Collection<ArxivId> ids) {
        Map<ArxivId, String> titles = new HashMap<>();
        List<String> values = ids.stream().map(ArxivId::value).distinct().toList();
        // In slices, so that no statement carries more parameters than a database takes.
        for (int from = 0; from < values.size(); from += TITLES_PER_QUERY) {
            List<String> slice = values.subList(from, Math.min(values.size(), from + TITLES_PER_QUERY));
            handles.read(h -> h.createQuery("SELECT id, title FROM paper WHERE id IN (<ids>)")
                    .bindList("ids", slice)
                    .map((rs, ctx) -> Map.entry(new ArxivId(rs.getString("id")), rs.getString("title")))
                    .list()).forEach(entry -> titles.put(entry.getKey(), entry.getValue()));
        }
        return titles;
    }

    @Override
    public StoreCounts counts() {
        return handles.read(h -> new StoreCounts(RowCounts.read(h, RowCounts.PAPERS),
                RowCounts.read(h, RowCounts.FEATURED)));
    }

    /**
     * Runs a listing in two steps: first the page's ids, ordered and paged over narrow rows, then the full rows of
     * just those ids. Sorting thousands of rows that carry whole abstracts was the slow part of deep pages.
     */
    private List<PaperEntry> entries(String idColumn, String fromWhereOrder, Map<String, ?> params, int offset,
            int limit) {
        return handles.read(h -> {
            List<String> ids = h.createQuery("SELECT " + idColumn + " " + fromWhereOrder
                            + " LIMIT :limit OFFSET :offset")
                    .bindMap(params)
                    .bind("limit", limit)
                    .bind("offset", offset)
                    .mapTo(String.class)
                    .list();
            return ids.isEmpty() ? List.<PaperEntry>of() : entries(h, ids);
        });
    }

    /** The full rows of these ids, in their order; ids without a row are left out. */
    private static List<PaperEntry> entries(Handle h, List<String> ids) {
        Map<String, PaperEntry> byId = new HashMap<>();
        h.createQuery("SELECT " + ENTRY_COLUMNS
                        + " FROM paper p LEFT JOIN featured f ON f.paper_id = p.id WHERE p.id IN (<ids>) AND "
                        + visible("p.id"))
                .bindList("ids", ids)
                .map(JdbiPaperStore::mapEntry)
                .forEach(e -> byId.put(e.paper().id().value(), e));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private int count(String sql, Map<String, ?> params) {
        return handles.read(h -> h.createQuery(sql).bindMap(params).mapTo(Integer.class).one());
    }

    private Optional<LocalDate> day(String sql, Map<String, ?> params) {
        return handles.read(h -> h.createQuery(sql).bindMap(params).mapTo(String.class).findOne())
                .map(LocalDate::parse);
    }

    static PaperEntry mapEntry(ResultSet rs, StatementContext ctx) throws SQLException {
        String day = rs.getString("day");
        Optional<Featuring> featuring = day == null ? Optional.empty() : Optional.of(new Featuring(
                parseDay(day), Instant.parse(rs.getString("featured_at")), rs.getString("submitted_by")));
        return new PaperEntry(mapPaper(rs), rs.getInt("upvotes"), rs.getInt("num_comments"), featuring);
    }

    private static Paper mapPaper(ResultSet rs) throws SQLException {
        return new Paper(
                new ArxivId(rs.getString("id")),
                rs.getString("title"),
                rs.getString("abstract"),
                fromJson(rs.getString("authors")),
                parseDay(rs.getString("published")),
                date(rs.getString("updated")),
                rs.getInt("version"),
                fromJson(rs.getString("categories")),
                rs.getString("arxiv_comment"),
                rs.getString("doi"),
                rs.getString("journal_ref"),
                rs.getString("github_repo"),
                rs.getString("project_page"),
                fromJson(rs.getString("ai_keywords")),
                fromJson(rs.getString("sources")));
    }

    private static LocalDate date(String text) {
        return text == null ? null : parseDay(text);
    }

    /**
     * A stored day: {@code yyyy-mm-dd} read digit by digit (the formatter's general parsing was a sixth of
     * reading a page of rows), anything else as {@link LocalDate#parse} reads it.
     */
    static LocalDate parseDay(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    /** The number the ASCII digits in {@code text[from, to)} spell; -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String toJson(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    private static List<String> fromJson(String json) {
        try {
            return json.equals("[]") ? List.of() : STRING_LIST_READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON list in the paper table: " + json, e);
        }
    }

    /**
     * What an upsert reads of a stored paper: the hash of the record it was last written from, its revision, and
     * the whole paper when a merge needs it.
     */
    private record Stored(String id, String contentHash, int version, LocalDate updated, Optional<Paper> paper) {

        /** A record that names an older revision than the stored one must not overwrite it. */
        boolean isNewerThan(Paper incoming) {
            if (incoming.version() > 0 && version > 0 && incoming.version() != version) {
                return incoming.version() < version;
            }
            return incoming.updated() != null && updated != null && incoming.updated().isBefore(updated);
        }
    }
}
