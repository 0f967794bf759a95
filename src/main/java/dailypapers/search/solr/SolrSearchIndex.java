package dailypapers.search.solr;

import static dailypapers.search.KeywordRanking.TITLE_WEIGHT;
import static dailypapers.search.solr.SolrCalls.call;
import static dailypapers.search.solr.SolrCalls.query;
import static dailypapers.search.solr.SolrQueries.ABSTRACT;
import static dailypapers.search.solr.SolrQueries.AUTHORS;
import static dailypapers.search.solr.SolrQueries.CATEGORIES;
import static dailypapers.search.solr.SolrQueries.CATEGORY;
import static dailypapers.search.solr.SolrQueries.HAS;
import static dailypapers.search.solr.SolrQueries.ID;
import static dailypapers.search.solr.SolrQueries.MATCH_ALL;
import static dailypapers.search.solr.SolrQueries.PUBLISHED;
import static dailypapers.search.solr.SolrQueries.TEXT;
import static dailypapers.search.solr.SolrQueries.TITLE;
import static dailypapers.search.solr.SolrQueries.TITLE_KEY;
import static dailypapers.search.solr.SolrQueries.UPVOTES;
import static dailypapers.search.solr.SolrQueries.VECTOR;
import static dailypapers.search.solr.SolrQueries.VERSION;

import dailypapers.UserFacingException;
import dailypapers.search.Filters;
import dailypapers.search.Highlight;
import dailypapers.search.Hit;
import dailypapers.search.Hits;
import dailypapers.search.IndexSnapshot;
import dailypapers.search.IndexUnavailableException;
import dailypapers.search.KeywordQuery;
import dailypapers.search.ResultOrder;
import dailypapers.search.SearchDocument;
import dailypapers.search.SearchIndex;
import dailypapers.search.SnippetText;
import dailypapers.search.Snippets;
import dailypapers.search.SolrSettings;
import dailypapers.search.TitleKey;
import dailypapers.text.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.apache.solr.client.solrj.request.json.JsonQueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SearchIndex} on SolrCloud, shared by every app node. Each generation is a collection
 * ({@code <alias>_<UTC time>_<random>}) and the alias ({@code search.solr.collection}) names the live one, so
 * {@link #generation()} is the same on every node. Searches and writes go to the collection the alias named when
 * this node last looked: at open, after its own swaps, and every {@link #WATCH_INTERVAL} (when another node swapped).
 *
 * <p>A rebuild fills a new collection and swaps it in by pointing the alias at it, then deletes the old one. A
 * rebuild cut short (the process killed) leaves the alias and the live collection as they were, and a stray
 * collection behind: the next rebuild deletes every stray (rebuilds run under the cluster-wide sync lease, so no
 * other node is building one then), and opening deletes strays older than {@link #STRAY_AGE}.
 *
 * <p>Keyword scoring, analysis and orders follow the Lucene engine (see {@link SolrQueries} and the configset);
 * docs/scale.md lists where stock Solr differs.
 */
public final class SolrSearchIndex implements SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SolrSearchIndex.class);

    /**
     * How often each node reads the alias and the live collection's state: the bound on how long another node's
     * writes (after its refresh) or swap take to change {@link #version()}, and on how stale {@link #fault()} is.
     */
    static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);
    /** A generation not behind the alias and older than this is a rebuild that was cut short. */
    static final Duration STRAY_AGE = Duration.ofHours(1);
    /** How long a swap waits for the nodes to see the alias moved before it leaves the old collection as a stray. */
    private static final Duration REPLACED_DELETE_PATIENCE = Duration.ofSeconds(30);
    /** As in the Lucene engine: a nearest-neighbour search explores at least this many candidates, per shard. */
    static final int MIN_VECTOR_CANDIDATES = 100;
    /** As in the Lucene engine: counting matches past this is not exact ("more than 1,000 results"). */
    static final int TOTAL_HITS_THRESHOLD = 1_000;
    private static final int ABSTRACT_PASSAGES = 2;
    private static final int HIGHLIGHT_MAX_LENGTH = 20_000;
    private static final int MORE_LIKE_THIS_TERMS = 30;

    private final SolrCluster cluster;
    private final SolrSettings settings;
    private final Configset configset;
    private final int dimension;
    private final Clock clock;
    /** Searches and writes hold it shared while they use {@link #live}; a swap holds it alone to change it. */
    private final ReadWriteLock swapLock = new ReentrantReadWriteLock();
    private String live;
    private volatile State state;
    private volatile Optional<String> fault = Optional.empty();
    private volatile boolean closed;
    private final ScheduledExecutorService watch;

    /** What searches see, as last read from Solr. */
    private record State(String version, Stats stats) {
    }

    private SolrSearchIndex(SolrCluster cluster, SolrSettings settings, Configset configset, int dimension,
            Clock clock, String live) {
        this.cluster = cluster;
        this.settings = settings;
        this.configset = configset;
        this.dimension = dimension;
        this.clock = clock;
        this.live = live;
        this.state = read(live);
        this.watch = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("solr-watch")
                .factory());
        watch.scheduleWithFixedDelay(this::look, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Connects to the cluster, uploads the configset and creates the first generation behind the alias when
     * missing, and deletes old strays. Vectors have {@code dimension} dimensions in the collections it creates.
     *
     * @throws IndexUnavailableException when the cluster cannot be reached or refuses (one line for the operator)
     */
    public static SolrSearchIndex open(SolrSettings settings, int dimension) {
        return open(settings, dimension, Clock.systemUTC());
    }

    static SolrSearchIndex open(SolrSettings settings, int dimension, Clock clock) {
        SolrCluster cluster = new SolrCluster(settings);
        try {
            Configset configset = Configset.load();
            cluster.ensureConfigset(configset);
            String live = cluster.live().orElseGet(() -> createFirst(cluster, settings, configset, dimension, clock));
            for (String stray : cluster.strays(live, clock.instant().minus(STRAY_AGE))) {
                log.info("deleting the collection {}, a rebuild that did not finish", stray);
                cluster.delete(stray);
            }
            return new SolrSearchIndex(cluster, settings, configset, dimension, clock, live);
        } catch (RuntimeException e) {
            cluster.close();
            if (e instanceof UserFacingException && !(e instanceof IndexUnavailableException)) {
                throw e;
            }
            throw new IndexUnavailableException("cannot open the search index on Solr at " + cluster.where()
                    + " (search.solr.urls): " + Messages.rootMessage(e).strip(), e);
        }
    }

    /**
     * What the alias names and how many documents it holds, for the doctor: read-only, nothing is created. Throws
     * {@link UncheckedIOException} when the cluster cannot be read.
     */
    public static Optional<IndexSnapshot> inspect(SolrSettings settings) {
        try (SolrCluster cluster = new SolrCluster(settings)) {
            Optional<String> live = cluster.live();
            if (live.isEmpty()) {
                return Optional.empty();
            }
            JsonQueryRequest count = new JsonQueryRequest().setQuery(MATCH_ALL).setLimit(0);
            long documents = query("count documents", () -> count.process(cluster.client(), live.get()))
                    .getResults().getNumFound();
            return Optional.of(new IndexSnapshot(live.get(), documents));
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot read the search index on Solr at "
                    + settings.urls() + ": " + Messages.rootMessage(e).strip(), e));
        }
    }

    /** The first generation, unless another node made one meanwhile (then its, and ours is deleted). */
    private static String createFirst(SolrCluster cluster, SolrSettings settings, Configset configset, int dimension,
            Clock clock) {
        String created = cluster.create(configset, settings.shards(), settings.replicas(), dimension,
                clock.instant());
        if (cluster.live().isEmpty()) {
            cluster.point(created);
        }
        String live = cluster.live().orElse(created);
        if (!live.equals(created)) {
            cluster.delete(created);
        }
        log.info("created the search collection {} behind the alias {}", live, cluster.alias());
        return live;
    }

    // ---- the live generation, its version and health

    @Override
    public String generation() {
        return withLive(Function.identity());
    }

    @Override
    public String version() {
        return state.version();
    }

    @Override
    public Optional<String> fault() {
        return closed ? Optional.of("the index is closed") : fault;
    }

    @Override
    public Stats stats() {
        return state.stats();
    }

    /** Reads the alias and what searches see, and notes whether Solr answered; runs every watch interval. */
    private synchronized void look() {
        if (closed) {
            return;
        }
        try {
            Optional<String> aliased = cluster.aliased();
            if (aliased.isPresent() && !aliased.get().equals(withLive(Function.identity()))) {
                adopt(aliased.get());
            }
            state = read(withLive(Function.identity()));
            if (fault.isPresent()) {
                log.info("Solr answers again at {}", cluster.where());
            }
            fault = Optional.empty();
        } catch (RuntimeException e) {
            if (closed) {
                return; // closing interrupted this look: not a fault of Solr's
            }
            String cause = "Solr at " + cluster.where() + " cannot serve searches: " + Messages.rootMessage(e).strip();
            if (fault.isEmpty()) {
                log.warn("{}", cause);
            }
            fault = Optional.of(cause);
        }
    }

    /** Uses the collection another node swapped in. */
    private void adopt(String collection) {
        swapLock.writeLock().lock();
        try {
            live = collection;
        } finally {
            swapLock.writeLock().unlock();
        }
    }

    /**
     * The live collection's version: it changes with every visible write (an added or replaced document raises
     * the largest {@code _version_}, a deleted one lowers the count, and both change the sum) and with a swap.
     */
    private State read(String collection) {
        JsonQueryRequest request = new JsonQueryRequest().setQuery(MATCH_ALL).setLimit(0)
                .withStatFacet("max", "max(_version_)").withStatFacet("sum", "sum(_version_)")
                .withFacet("vectors", Map.of("type", "query", "q", HAS + ":vector"));
        QueryResponse response = query("read the collection " + collection, () -> request.process(cluster.client(),
                collection));
        var facets = response.getJsonFacetingResponse();
        long documents = response.getResults().getNumFound();
        long withVectors = facets.getQueryFacet("vectors") == null ? 0 : facets.getQueryFacet("vectors").getCount();
        String version = collection + ":" + documents + ":" + facets.getStatValue("max") + ":"
                + facets.getStatValue("sum");
        return new State(version, new Stats(documents, withVectors));
    }

    private <T> T withLive(Function<String, T> work) {
        swapLock.readLock().lock();
        try {
            return work.apply(live);
        } finally {
            swapLock.readLock().unlock();
        }
    }

    // ---- writing

    @Override
    public void upsert(List<SearchDocument> documents) {
        if (!documents.isEmpty()) {
            List<SolrInputDocument> solr = documents.stream().map(SolrSearchIndex::document).toList();
            withLive(c -> call("index documents", () -> cluster.client().add(c, solr)));
        }
    }

    @Override
    public void delete(Collection<String> ids) {
        if (!ids.isEmpty()) {
            withLive(c -> call("delete documents", () -> cluster.client().deleteById(c, List.copyOf(ids))));
        }
    }

    @Override
    public void refresh() {
        withLive(c -> call("refresh", () -> cluster.client().commit(c, true, true, true)));
        look();
    }

    @Override
    public void commit() {
        withLive(c -> call("commit", () -> cluster.client().commit(c, true, true)));
        look();
    }

    @Override
    public Rebuild rebuild() {
        String current = withLive(Function.identity());
        // Rebuilds run under the cluster-wide sync lease: no other node is filling a generation now.
        for (String stray : cluster.strays(current, clock.instant())) {
            log.info("deleting the collection {}, a rebuild that did not finish", stray);
            cluster.delete(stray);
        }
        return new CollectionRebuild(cluster.create(configset, settings.shards(), settings.replicas(), dimension,
                clock.instant()));
    }

    /** A collection filled beside the live one, then swapped in by the alias. */
    private final class CollectionRebuild implements Rebuild {

        private final String next;
        private boolean swapped;

        CollectionRebuild(String next) {
            this.next = next;
        }

        @Override
        public String generation() {
            return next;
        }

        @Override
        public void add(List<SearchDocument> documents) {
            if (!documents.isEmpty()) {
                List<SolrInputDocument> solr = documents.stream().map(SolrSearchIndex::document).toList();
                call("index documents", () -> cluster.client().add(next, solr));
            }
        }

        @Override
        public void swap() {
            call("commit", () -> cluster.client().commit(next, true, true));
            // Read before the alias moves: once it has, the watch may adopt the new collection at any moment.
            String old = withLive(Function.identity());
            cluster.point(next);
            swapLock.writeLock().lock();
            try {
                live = next;
                swapped = true;
            } finally {
                swapLock.writeLock().unlock();
            }
            look();
            try {
                cluster.deleteFormerlyAliased(old, REPLACED_DELETE_PATIENCE);
            } catch (RuntimeException e) {
                log.warn("cannot delete the replaced collection {} ({}); the next rebuild will", old, e.getMessage());
            }
        }

        @Override
        public void close() {
            if (!swapped) {
                cluster.delete(next);
            }
        }
    }

    private static SolrInputDocument document(SearchDocument d) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.addField(ID, d.id());
        doc.addField(TITLE, d.title());
        doc.addField(ABSTRACT, d.abstractText());
        List<String> text = new ArrayList<>();
        for (int i = 0; i < TITLE_WEIGHT; i++) {
            text.add(d.title());
        }
        text.add(d.abstractText());
        doc.addField(TEXT, text);
        doc.addField(TITLE_KEY, TitleKey.of(d.title()));
        d.authors().forEach(a -> doc.addField(AUTHORS, a));
        for (String category : d.categories()) {
            doc.addField(CATEGORIES, category);
            doc.addField(CATEGORY, category.toLowerCase(Locale.ROOT));
        }
        doc.addField(PUBLISHED, d.published() == null ? Long.MIN_VALUE : d.published().toEpochDay());
        doc.addField(UPVOTES, (long) d.upvotes());
        if (d.hasCode()) {
            doc.addField(HAS, "code");
        }
        if (d.vector() != null) {
            List<Float> vector = new ArrayList<>(d.vector().length);
            for (float v : d.vector()) {
                vector.add(v);
            }
            doc.addField(VECTOR, vector);
            doc.addField(HAS, "vector");
        }
        if (d.version() != null) {
            doc.addField(VERSION, d.version());
        }
        return doc;
    }

    // ---- searching

    @Override
    public Hits keyword(KeywordQuery query, ResultOrder order, int offset, int limit) {
        Map<String, Object> scored = SolrQueries.scored(query);
        if (scored == null) {
            if (query.filters().isEmpty()) {
                return Hits.NONE;
            }
            scored = MATCH_ALL; // filters alone (or words that are all stop words)
        }
        int threshold = Math.max(offset + limit, TOTAL_HITS_THRESHOLD);
        JsonQueryRequest request = filtered(new JsonQueryRequest().setQuery(scored), query.filters())
                .setSort(SolrQueries.sort(order)).setOffset(offset).setLimit(limit).returnFields(ID, "score")
                .withParam("minExactCount", threshold);
        SolrDocumentList results = search("search", request).getResults();
        List<Hit> hits = hits(results, order == ResultOrder.RELEVANCE);
        boolean exact = results.getNumFoundExact() == null || results.getNumFoundExact();
        long total = exact ? results.getNumFound() : Math.min(results.getNumFound(), threshold);
        return new Hits(hits, total, exact);
    }

    @Override
    public Hits nearest(float[] vector, Filters filters, int k) {
        if (k < 1) {
            return Hits.NONE;
        }
        StringJoiner values = new StringJoiner(",", "[", "]");
        for (float v : vector) {
            values.add(Float.toString(v));
        }
        // topK counts per shard: each shard explores as many candidates as one index would.
        int candidates = Math.max(k, MIN_VECTOR_CANDIDATES);
        JsonQueryRequest request = filtered(new JsonQueryRequest().setQuery(Map.of("knn", Map.of("f", VECTOR,
                "topK", candidates, "query", values.toString()))), filters)
                .setSort(SolrQueries.sort(ResultOrder.RELEVANCE)).setLimit(k).returnFields(ID, "score");
        return ranked(search("find nearest neighbours", request));
    }

    @Override
    public Hits moreLikeThis(String id, Filters filters, int k) {
        if (!holds(id)) {
            return Hits.NONE;
        }
        JsonQueryRequest request = filtered(new JsonQueryRequest().setQuery(Map.of("mlt", Map.of(
                "qf", TITLE + "," + ABSTRACT, "mintf", 1, "mindf", 1, "maxqt", MORE_LIKE_THIS_TERMS, "query", id))),
                filters.excluding(id)).setSort(SolrQueries.sort(ResultOrder.RELEVANCE)).setLimit(k)
                .returnFields(ID, "score");
        return ranked(search("find similar papers", request));
    }

    private boolean holds(String id) {
        JsonQueryRequest request = new JsonQueryRequest().setQuery(SolrQueries.term(ID, id)).setLimit(0);
        return search("look up a paper", request).getResults().getNumFound() > 0;
    }

    @Override
    public List<String> exactMatches(Optional<String> id, Optional<String> title, Filters filters) {
        List<Object> any = new ArrayList<>();
        id.ifPresent(i -> any.add(SolrQueries.term(ID, i)));
        title.map(TitleKey::of).filter(k -> !k.isEmpty()).ifPresent(k -> any.add(SolrQueries.term(TITLE_KEY, k)));
        if (any.isEmpty()) {
            return List.of();
        }
        JsonQueryRequest request = filtered(new JsonQueryRequest().setQuery(SolrQueries.bool("should", any)),
                filters).setSort(ID + " desc").setLimit(10).returnFields(ID);
        List<String> ids = new ArrayList<>();
        for (SolrDocument doc : search("find exact matches", request).getResults()) {
            ids.add((String) doc.getFieldValue(ID));
        }
        // The id named in the query first, then title matches by descending id.
        ids.sort(Comparator.comparing((String i) -> !id.map(i::equals).orElse(false)));
        return ids;
    }

    /**
     * Highlights the index's stored title and abstract of each paper: Solr highlights only what it stores. Where
     * the caller's text differs (a row changed since the last sync), that is what the Lucene engine does too.
     */
    @Override
    public Map<String, Snippets> snippets(KeywordQuery query, List<SnippetText> texts) {
        if (texts.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> scored = SolrQueries.scored(new KeywordQuery(query.text(), query.phrases(),
                Filters.NONE, false));
        // Every paper asked for is in the answer, matching or not; only the words are highlighted.
        Map<String, Object> all = scored == null ? MATCH_ALL
                : SolrQueries.bool("should", List.of(scored, MATCH_ALL));
        JsonQueryRequest request = new JsonQueryRequest().setQuery(all).withFilter(ids(texts.stream()
                .map(SnippetText::id).toList())).setLimit(texts.size()).returnFields(ID, TITLE, ABSTRACT)
                .withParam("hl", true).withParam("hl.method", "unified").withParam("hl.fl", TITLE + "," + ABSTRACT)
                // Words are scored in the combined field; they are marked wherever title or abstract has them.
                .withParam("hl.requireFieldMatch", false).withParam("hl.weightMatches", false)
                .withParam("hl.usePhraseHighlighter", true).withParam("hl.defaultSummary", true)
                .withParam("hl.tag.pre", SolrHighlights.PRE).withParam("hl.tag.post", SolrHighlights.POST)
                .withParam("hl.maxAnalyzedChars", HIGHLIGHT_MAX_LENGTH).withParam("hl.fragsize", 0)
                .withParam("hl.bs.language", "").withParam("hl.bs.country", "")
                .withParam("f." + TITLE + ".hl.bs.type", "WHOLE").withParam("f." + TITLE + ".hl.snippets", 1)
                .withParam("f." + ABSTRACT + ".hl.bs.type", "SENTENCE")
                .withParam("f." + ABSTRACT + ".hl.snippets", ABSTRACT_PASSAGES);
        QueryResponse response = search("highlight results", request);
        Map<String, Map<String, List<String>>> highlighting = response.getHighlighting();
        Map<String, SolrDocument> stored = new HashMap<>();
        response.getResults().forEach(doc -> stored.put((String) doc.getFieldValue(ID), doc));
        Map<String, Snippets> snippets = new LinkedHashMap<>();
        for (SnippetText text : texts) {
            SolrDocument doc = stored.get(text.id());
            if (doc != null) {
                Map<String, List<String>> fields = highlighting.getOrDefault(text.id(), Map.of());
                snippets.put(text.id(), new Snippets(highlight(fields.get(TITLE), doc.getFieldValue(TITLE)),
                        highlight(fields.get(ABSTRACT), doc.getFieldValue(ABSTRACT))));
            }
        }
        return snippets;
    }

    private static Highlight highlight(List<String> passages, Object stored) {
        return passages == null || stored == null ? new Highlight(List.of())
                : SolrHighlights.of(passages, (String) stored);
    }

    @Override
    public Map<String, String> versions(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        JsonQueryRequest request = new JsonQueryRequest().setQuery(MATCH_ALL).withFilter(ids(ids))
                .setLimit(ids.size()).returnFields(ID, VERSION);
        Map<String, String> versions = new HashMap<>();
        for (SolrDocument doc : search("read document versions", request).getResults()) {
            Object version = doc.getFieldValue(VERSION);
            if (version != null) {
                versions.put((String) doc.getFieldValue(ID), (String) version);
            }
        }
        return versions;
    }

    /** A filter on these ids, as terms (no limit on their number, unlike a disjunction). */
    private static Map<String, Object> ids(Collection<String> ids) {
        return Map.of("terms", Map.of("f", ID, "separator", "\n", "query", String.join("\n", ids)));
    }

    private static JsonQueryRequest filtered(JsonQueryRequest request, Filters filters) {
        SolrQueries.filters(filters).forEach(request::withFilter);
        return request;
    }

    /** Hits by score, then descending id, as Solr sorted them. */
    private static Hits ranked(QueryResponse response) {
        List<Hit> hits = hits(response.getResults(), true);
        return new Hits(hits, hits.size(), true);
    }

    /** The results in Solr's order, with their scores when ranked by score (else 0). */
    private static List<Hit> hits(SolrDocumentList results, boolean scored) {
        List<Hit> hits = new ArrayList<>(results.size());
        for (SolrDocument doc : results) {
            hits.add(new Hit((String) doc.getFieldValue(ID),
                    scored ? ((Number) doc.getFieldValue("score")).doubleValue() : 0));
        }
        return hits;
    }

    /**
     * Runs a query on the live collection. Should it fail because another node swapped in a new generation and
     * deleted this one before this node looked, it runs again on the new one.
     */
    private QueryResponse search(String what, JsonQueryRequest request) {
        String collection = withLive(Function.identity());
        try {
            return query(what, () -> request.process(cluster.client(), collection));
        } catch (IllegalStateException | IndexUnavailableException e) {
            Optional<String> aliased;
            try {
                aliased = cluster.live();
            } catch (RuntimeException unreachable) {
                throw e;
            }
            if (aliased.isEmpty() || aliased.get().equals(collection)) {
                throw e;
            }
            adopt(aliased.get());
            return query(what, () -> request.process(cluster.client(), aliased.get()));
        }
    }

    @Override
    public void close() {
        closed = true;
        watch.shutdownNow();
        cluster.close();
    }
}
