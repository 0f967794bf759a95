package dailypapers.search;

import dailypapers.paper.ArxivId;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperEntry;
import dailypapers.search.SearchStore.Change;
import dailypapers.search.SearchStore.StoredPaper;
import dailypapers.search.VectorStore.StoredVector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the search index in step with the database, which is the source of truth: the index is derived data
 * and can always be rebuilt from it.
 *
 * <p>Three ways in: {@link #update} indexes papers this process just wrote (an import batch, an embedding batch);
 * {@link #sync} catches up with whatever any process wrote since the last sync (rows written since the recorded
 * checkpoint, less a safety margin, are compared with the versions the index holds, and only differing ones are
 * indexed again); {@link #rebuild} starts from nothing. A new index, a changed document schema or a changed
 * embedding model makes {@link #sync} rebuild.
 */
public final class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    /**
     * Bump when the documents change shape or the index is built differently, so existing indexes are rebuilt
     * (2: a denser vector graph).
     */
    public static final String SCHEMA_VERSION = "2";
    static final String STATE_SCHEMA = "schema";
    static final String STATE_MODEL = "vector.model";
    static final String STATE_PAPERS_SYNCED = "papers.synced";
    static final String STATE_VECTORS_SYNCED = "vectors.synced";

    /** Rows are read and indexed this many at a time. */
    public static final int CHUNK_SIZE = 500;
    /**
     * How far before the checkpoint a sync looks again, for transactions that were still open when the last sync
     * read. Rows found again cost a version comparison, not a re-index.
     */
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(60);
    /**
     * Writes become searchable at most this long after they are indexed (or at once with {@link #refresh()}):
     * making every batch searchable at once costs more than indexing it.
     */
    static final Duration REFRESH_INTERVAL = Duration.ofSeconds(5);

    private final SearchIndex index;
    private final SearchStore papers;
    private final VectorStore vectors;
    private final Optional<String> model;
    private final Clock clock;
    private volatile boolean building;
    private long lastRefreshNanos = System.nanoTime();

    /**
     * @param model the embedding model whose vectors go into the index; empty when none is configured
     */
    public SearchIndexer(SearchIndex index, SearchStore papers, VectorStore vectors, Optional<String> model,
            Clock clock) {
        this.index = index;
        this.papers = papers;
        this.vectors = vectors;
        this.model = model;
        this.clock = clock;
    }

    /** What a sync or rebuild did. */
    public record Summary(boolean rebuilt, long examined, long indexed, long withVectors, Duration elapsed) {
    }

    /** True while a rebuild runs: the index then holds only part of the papers. */
    public boolean isBuilding() {
        return building;
    }

    public Optional<String> model() {
        return model;
    }

    /** True when the index was built with this schema and model and has synced at least once. */
    public boolean isCurrent() {
        Map<String, String> state = index.state();
        return SCHEMA_VERSION.equals(state.get(STATE_SCHEMA)) && Objects.equals(model.orElse(""),
                state.getOrDefault(STATE_MODEL, "")) && state.containsKey(STATE_PAPERS_SYNCED);
    }

    /**
     * Indexes these papers as the database has them now. They become searchable within {@link #REFRESH_INTERVAL},
     * or at the next {@link #refresh()}.
     */
    public synchronized void update(Collection<ArxivId> ids) {
        List<ArxivId> list = List.copyOf(ids);
        for (int from = 0; from < list.size(); from += CHUNK_SIZE) {
            List<ArxivId> chunk = list.subList(from, Math.min(list.size(), from + CHUNK_SIZE));
            index.upsert(documents(papers.load(chunk)));
        }
        refreshWhenDue();
    }

    /** Makes everything indexed so far searchable now. */
    public synchronized void refresh() {
        index.refresh();
        lastRefreshNanos = System.nanoTime();
    }

    private void refreshWhenDue() {
        if (System.nanoTime() - lastRefreshNanos >= REFRESH_INTERVAL.toNanos()) {
            refresh();
        }
    }

    /** Catches up with every process's writes since the last sync; rebuilds when the index is not current. */
    public synchronized Summary sync() {
        if (!isCurrent()) {
            return rebuild(n -> {
            });
        }
        long started = System.nanoTime();
        Instant startedAt = clock.instant();
        Map<String, String> state = index.state();
        Map<ArxivId, Boolean> candidates = new LinkedHashMap<>();
        Instant papersSince = Instant.parse(state.get(STATE_PAPERS_SYNCED)).minus(SAFETY_MARGIN);
        collect(candidates, (after, limit) -> papers.changedSince(papersSince, after, limit));
        if (model.isPresent() && state.containsKey(STATE_VECTORS_SYNCED)) {
            Instant vectorsSince = Instant.parse(state.get(STATE_VECTORS_SYNCED)).minus(SAFETY_MARGIN);
            collect(candidates, (after, limit) -> vectors.changedSince(model.get(), vectorsSince, after, limit));
        }
        long indexed = 0;
        long withVectors = 0;
        List<ArxivId> ids = List.copyOf(candidates.keySet());
        for (int from = 0; from < ids.size(); from += CHUNK_SIZE) {
            List<ArxivId> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK_SIZE));
            List<SearchDocument> documents = documents(papers.load(chunk));
            Map<String, String> held = index.versions(chunk.stream().map(ArxivId::value).toList());
            List<SearchDocument> stale = documents.stream()
                    .filter(d -> !Objects.equals(held.get(d.id()), d.version())).toList();
            if (!stale.isEmpty()) {
                index.upsert(stale);
                indexed += stale.size();
                withVectors += stale.stream().filter(d -> d.vector() != null).count();
            }
        }
        if (!ids.isEmpty()) {
            index.commit(state(startedAt)); // with nothing written since, the checkpoint can stay where it is
        }
        Summary summary = new Summary(false, ids.size(), indexed, withVectors,
                Duration.ofNanos(System.nanoTime() - started));
        if (indexed > 0) {
            log.info("search index sync: {} papers changed, {} indexed again in {} ms", ids.size(), indexed,
                    summary.elapsed().toMillis());
        }
        return summary;
    }

    /**
     * Rebuilds the index from the database: every paper, with its vector from the configured model when it has
     * one. Searches see the papers indexed so far while it runs.
     *
     * @param progress hears the number of papers indexed so far
     */
    public synchronized Summary rebuild(LongConsumer progress) {
        long started = System.nanoTime();
        Instant startedAt = clock.instant();
        building = true;
        try {
            // Recorded first, so that an index left half-built by a crash or a shutdown is rebuilt next time.
            index.commit(Map.of(STATE_SCHEMA, "rebuilding"));
            index.deleteAll();
            Added added = addAll(progress);
            index.commit(state(startedAt));
            lastRefreshNanos = System.nanoTime();
            Summary summary = new Summary(true, added.papers(), added.papers(), added.withVectors(),
                    Duration.ofNanos(System.nanoTime() - started));
            log.info("search index rebuilt: {} papers ({} with vectors) in {} ms", added.papers(),
                    added.withVectors(), summary.elapsed().toMillis());
            return summary;
        } finally {
            building = false;
        }
    }

    /**
     * Adds every paper to the emptied index: this thread reads pages from the database while one writer per core
     * analyses them and inserts their vectors into the graph, which is most of the work.
     */
    private Added addAll(LongConsumer progress) {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService writers = Workers.start("index-rebuild", threads);
        // Pages read ahead of the writers: enough to keep them busy, few enough to bound memory.
        Semaphore readAhead = new Semaphore(2 * threads);
        Deque<Future<?>> pending = new ArrayDeque<>();
        AtomicLong indexed = new AtomicLong();
        AtomicLong withVectors = new AtomicLong();
        try {
            Optional<ArxivId> after = Optional.empty();
            while (true) {
                List<StoredPaper> page = papers.scan(after, CHUNK_SIZE);
                if (page.isEmpty()) {
                    break;
                }
                List<SearchDocument> documents = documents(page);
                readAhead.acquire();
                pending.add(writers.submit(() -> {
                    try {
                        index.add(documents);
                        indexed.addAndGet(documents.size());
                        withVectors.addAndGet(documents.stream().filter(d -> d.vector() != null).count());
                    } finally {
                        readAhead.release();
                    }
                    return null;
                }));
                while (!pending.isEmpty() && pending.peek().isDone()) {
                    pending.poll().get();
                }
                refreshWhenDue();
                progress.accept(indexed.get());
                after = Optional.of(page.getLast().entry().paper().id());
            }
            for (Future<?> write : pending) {
                write.get();
            }
            return new Added(indexed.get(), withVectors.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding the search index", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            Workers.finish(writers, "index writers");
        }
    }

    private record Added(long papers, long withVectors) {
    }

    private Map<String, String> state(Instant syncedAt) {
        Map<String, String> state = new HashMap<>();
        state.put(STATE_SCHEMA, SCHEMA_VERSION);
        state.put(STATE_MODEL, model.orElse(""));
        state.put(STATE_PAPERS_SYNCED, syncedAt.toString());
        model.ifPresent(m -> state.put(STATE_VECTORS_SYNCED, syncedAt.toString()));
        return state;
    }

    private interface ChangeFeed {
        List<Change> next(Optional<ArxivId> after, int limit);
    }

    private static void collect(Map<ArxivId, Boolean> candidates, ChangeFeed feed) {
        Optional<ArxivId> after = Optional.empty();
        while (true) {
            List<Change> changes = feed.next(after, CHUNK_SIZE * 10);
            if (changes.isEmpty()) {
                return;
            }
            changes.forEach(c -> candidates.put(c.id(), Boolean.TRUE));
            after = Optional.of(changes.getLast().id());
        }
    }

    /** Index documents for stored papers, each with its vector when one matches its current text. */
    private List<SearchDocument> documents(List<StoredPaper> stored) {
        Map<ArxivId, StoredVector> vectorsById = model.isEmpty() || stored.isEmpty() ? Map.of()
                : vectors.find(stored.stream().map(s -> s.entry().paper().id()).toList(), model.get());
        List<SearchDocument> documents = new ArrayList<>(stored.size());
        for (StoredPaper s : stored) {
            Paper paper = s.entry().paper();
            StoredVector vector = vectorsById.get(paper.id());
            if (vector != null && !vector.textHash().equals(
                    EmbeddingText.hash(EmbeddingText.of(paper.title(), paper.abstractText())))) {
                // The abstract changed since the vector was made: drop it so the embedding job makes a new one.
                vectors.delete(paper.id(), model.orElseThrow());
                vector = null;
            }
            documents.add(document(s.entry(), vector, s.writtenAt()));
        }
        return documents;
    }

    static SearchDocument document(PaperEntry entry, StoredVector vector, String writtenAt) {
        Paper paper = entry.paper();
        boolean hasCode = paper.githubRepo() != null && !paper.githubRepo().isBlank();
        String version = writtenAt + "/" + (vector == null ? "-" : vector.writtenAt());
        return new SearchDocument(paper.id().value(), paper.title(), paper.abstractText(), paper.authors(),
                paper.categories(), paper.published(), entry.upvotes(), hasCode,
                vector == null ? null : vector.vector(), version);
    }
}
