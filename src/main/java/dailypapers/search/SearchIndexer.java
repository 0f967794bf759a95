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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * {@link #sync} catches up with whatever any process wrote or removed since the last sync (rows written since the
 * checkpoint, less a safety margin, are compared with the versions the index holds, and only differing ones are
 * indexed again; rows no longer there leave the index); {@link #rebuild} builds a new generation beside the live
 * one and swaps it in. The checkpoint lives in the database ({@link SyncCheckpointStore}), keyed by the index's
 * generation: a new index, a changed document schema or a changed embedding model makes {@link #sync} rebuild.
 */
public final class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    /**
     * Bump when the documents change shape or the index is built differently, so existing indexes are rebuilt
     * (2: a denser vector graph; 3: hyphenated compounds indexed as terms).
     */
    public static final String SCHEMA_VERSION = "3";

    /** Rows are read and indexed this many at a time. */
    public static final int CHUNK_SIZE = 500;
    /**
     * How far before the checkpoint a sync looks again, for transactions that were still open when the last sync
     * read (and for a database clock, which stamps removals, a little behind ours). Rows found again cost a version
     * comparison, not a re-index.
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
    private final SyncCheckpointStore checkpoints;
    private final Optional<String> model;
    private final Clock clock;
    private volatile boolean building;
    private long lastRefreshNanos = System.nanoTime();

    /**
     * @param model the embedding model whose vectors go into the index; empty when none is configured
     */
    public SearchIndexer(SearchIndex index, SearchStore papers, VectorStore vectors, SyncCheckpointStore checkpoints,
            Optional<String> model, Clock clock) {
        this.index = index;
        this.papers = papers;
        this.vectors = vectors;
        this.checkpoints = checkpoints;
        this.model = model;
        this.clock = clock;
    }

    /** What a sync or rebuild did. */
    public record Summary(boolean rebuilt, long examined, long indexed, long removed, long withVectors,
            Duration elapsed) {
    }

    /** True while a rebuild runs; searches meanwhile see the generation it will replace. */
    public boolean isBuilding() {
        return building;
    }

    public Optional<String> model() {
        return model;
    }

    /** True when the live generation was built with this schema and model and has synced at least once. */
    public boolean isCurrent() {
        return checkpoint().isPresent();
    }

    /** The live generation's checkpoint, when it was built the way this indexer builds. */
    private Optional<SyncCheckpointStore.SyncCheckpoint> checkpoint() {
        return checkpoints.find(index.generation()).filter(c -> SCHEMA_VERSION.equals(c.schema())
                && c.model().equals(model.orElse("")));
    }

    /**
     * Indexes these papers as the database has them now (and removes those it no longer has). They become
     * searchable within {@link #REFRESH_INTERVAL}, or at the next {@link #refresh()}. Chunks of
     * {@link #CHUNK_SIZE} are indexed on one thread per core: each id is in one chunk only, so no two threads
     * write the same paper, and the next update starts once all of them are done.
     */
    public synchronized void update(Collection<ArxivId> ids) {
        updateInBulk(ids);
        refreshWhenDue();
    }

    /**
     * As {@link #update}, but searches see the papers only from the next {@link #refresh()}: for an import, whose
     * searches wait for its end anyway. Each refresh writes what is buffered as a small segment, which merges then
     * rewrite.
     */
    public synchronized void updateInBulk(Collection<ArxivId> ids) {
        List<ArxivId> list = List.copyOf(ids);
        List<List<ArxivId>> chunks = new ArrayList<>();
        for (int from = 0; from < list.size(); from += CHUNK_SIZE) {
            chunks.add(list.subList(from, Math.min(list.size(), from + CHUNK_SIZE)));
        }
        int threads = Math.min(chunks.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            chunks.forEach(this::index);
        } else {
            indexInParallel(chunks, threads);
        }
    }

    private void index(List<ArxivId> chunk) {
        List<SearchDocument> documents = documents(papers.load(chunk));
        index.upsert(documents);
        index.delete(gone(chunk, documents));
    }

    private void indexInParallel(List<List<ArxivId>> chunks, int threads) {
        ExecutorService writers = Workers.start("index-update", threads);
        try {
            List<Future<?>> written = chunks.stream().<Future<?>>map(c -> writers.submit(() -> index(c))).toList();
            for (Future<?> write : written) {
                write.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            Workers.finish(writers, "index writers");
        }
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
        Optional<SyncCheckpointStore.SyncCheckpoint> checkpoint = checkpoint();
        if (checkpoint.isEmpty()) {
            return rebuild(n -> {
            });
        }
        long started = System.nanoTime();
        Instant startedAt = clock.instant();
        Instant since = checkpoint.get().syncedAt().minus(SAFETY_MARGIN);
        Map<ArxivId, Boolean> candidates = new LinkedHashMap<>();
        collect(candidates, (after, limit) -> papers.changedSince(since, after, limit));
        collect(candidates, (after, limit) -> papers.removedSince(since, after, limit));
        model.ifPresent(m -> collect(candidates, (after, limit) -> vectors.changedSince(m, since, after, limit)));
        long indexed = 0;
        long removed = 0;
        long withVectors = 0;
        List<ArxivId> ids = List.copyOf(candidates.keySet());
        for (int from = 0; from < ids.size(); from += CHUNK_SIZE) {
            List<ArxivId> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK_SIZE));
            List<SearchDocument> documents = documents(papers.load(chunk));
            Map<String, String> held = index.versions(chunk.stream().map(ArxivId::value).toList());
            List<SearchDocument> stale = documents.stream()
                    .filter(d -> !Objects.equals(held.get(d.id()), d.version())).toList();
            List<String> gone = gone(chunk, documents).stream().filter(held::containsKey).toList();
            index.upsert(stale);
            index.delete(gone);
            indexed += stale.size();
            removed += gone.size();
            withVectors += stale.stream().filter(d -> d.vector() != null).count();
        }
        if (!ids.isEmpty()) {
            // The index first: a checkpoint must never be ahead of what the index durably holds. With nothing
            // written since, the checkpoint can stay where it is.
            index.commit();
            checkpoints.save(checkpoint(index.generation(), startedAt));
        }
        Summary summary = new Summary(false, ids.size(), indexed, removed, withVectors,
                Duration.ofNanos(System.nanoTime() - started));
        if (indexed > 0 || removed > 0) {
            log.info("search index sync: {} papers changed, {} indexed again, {} removed in {} ms", ids.size(),
                    indexed, removed, summary.elapsed().toMillis());
        }
        return summary;
    }

    /** The ids of {@code chunk} that the database no longer has (or no longer lets search show). */
    private static List<String> gone(List<ArxivId> chunk, List<SearchDocument> documents) {
        Set<String> present = new HashSet<>();
        documents.forEach(d -> present.add(d.id()));
        return chunk.stream().map(ArxivId::value).filter(id -> !present.contains(id)).toList();
    }

    /**
     * Rebuilds the index from the database into a new generation beside the live one: every paper, with its
     * vector from the configured model when it has one. Searches see the live generation until the new one is
     * complete and swapped in; a rebuild that fails or is cut short leaves the live one as it was.
     *
     * @param progress hears the number of papers indexed so far
     */
    public synchronized Summary rebuild(LongConsumer progress) {
        long started = System.nanoTime();
        Instant startedAt = clock.instant();
        String replaced = index.generation();
        building = true;
        try (SearchIndex.Rebuild build = index.rebuild()) {
            Added added = addAll(build, progress);
            build.swap();
            // After the swap: a crash before this line costs one more rebuild, never a checkpoint ahead of its
            // index.
            checkpoints.save(checkpoint(build.generation(), startedAt));
            checkpoints.delete(replaced);
            lastRefreshNanos = System.nanoTime();
            Summary summary = new Summary(true, added.papers(), added.papers(), 0, added.withVectors(),
                    Duration.ofNanos(System.nanoTime() - started));
            log.info("search index rebuilt: {} papers ({} with vectors) in {} ms", added.papers(),
                    added.withVectors(), summary.elapsed().toMillis());
            return summary;
        } finally {
            building = false;
        }
    }

    /**
     * Adds every paper to the new generation: this thread reads pages from the database while one writer per core
     * analyses them and inserts their vectors into the graph, which is most of the work.
     */
    private Added addAll(SearchIndex.Rebuild build, LongConsumer progress) {
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
                        build.add(documents);
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

    private SyncCheckpointStore.SyncCheckpoint checkpoint(String generation, Instant syncedAt) {
        return new SyncCheckpointStore.SyncCheckpoint(generation, SCHEMA_VERSION, model.orElse(""), syncedAt);
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
        return new SearchDocument(paper.id().value(), paper.title(), paper.abstractText(), paper.authors(),
                paper.categories(), paper.published(), entry.upvotes(), hasCode,
                vector == null ? null : vector.vector(), version(writtenAt, vector));
    }

    /**
     * The {@link SearchDocument#version()} of a paper whose row was written at {@code writtenAt}, indexed with
     * {@code vector} (null for none): equal to the version the index holds when it holds the paper as it is.
     */
    static String version(String writtenAt, StoredVector vector) {
        return writtenAt + "/" + (vector == null ? "-" : vector.writtenAt());
    }
}
