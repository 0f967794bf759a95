package dailypapers.search;

import dailypapers.embedding.Encoder;
import dailypapers.job.Job;
import dailypapers.job.JobScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Search over the papers: the index (opened by the caller, whichever engine the configuration names), keeping it
 * in step with the database, the search service, and, with an embedding model, the embedding of new papers. Its
 * background work runs as jobs of the scheduler: {@link #SYNC_JOB}, {@link #EMBEDDING_JOB} and {@link #SIMILAR_JOB}.
 */
public final class SearchModule implements AutoCloseable {

    /** The job that catches the index up with writes by any process (an import, a harvest, another node). */
    public static final String SYNC_JOB = "search-sync";
    /** The job that gives papers without a vector one; its lease is shared by every node and the embed command. */
    public static final String EMBEDDING_JOB = "embedding";
    /** The job that fills and refreshes the stored similar papers; one list per paper for every node, one lease. */
    public static final String SIMILAR_JOB = "similar-papers";
    /** How often the server looks for similar papers missing or out of date. */
    static final Duration SIMILAR_INTERVAL = Duration.ofMinutes(1);
    /** After the first sync, which a new index needs before lists can be found in it. */
    private static final Duration SIMILAR_FIRST_RUN_DELAY = Duration.ofSeconds(20);
    /** How often the index catches up with the database. */
    public static final Duration SYNC_INTERVAL = Duration.ofSeconds(10);
    /** How often the server looks for papers without a vector. */
    static final Duration EMBEDDING_INTERVAL = Duration.ofSeconds(30);
    private static final Duration EMBEDDING_FIRST_RUN_DELAY = Duration.ofSeconds(5);

    private final SearchIndex index;
    private final Optional<Encoder> encoder;
    private final SearchStore papers;
    private final VectorStore vectors;
    private final Clock clock;
    private final JobScheduler jobs;
    private final SearchIndexer indexer;
    private final SearchService search;
    private final SimilarPapers similar;
    private final SimilarJob similarJob;
    private final Optional<EmbeddingJob> embedding;
    private final SearchMonitor monitor;
    private final String syncLease;

    /**
     * @param index           the engine's index; closed with this module
     * @param indexLease      the lease of this index's sync and rebuilds: node-local for an index on this node's
     *                        disk, the cluster's {@link #SYNC_JOB} for an index every node shares
     * @param encoder         the embedding model; empty for keyword search only. The caller closes it.
     * @param settings        the embedding job's threads and the ranking's tuning
     */
    public SearchModule(SearchIndex index, String indexLease, Optional<Encoder> encoder, SearchSettings settings,
            SearchStore papers, VectorStore vectors, SimilarStore similarLists, SyncCheckpointStore checkpoints,
            Clock clock, JobScheduler jobs) {
        this.index = index;
        this.syncLease = indexLease;
        this.encoder = encoder;
        this.papers = papers;
        this.vectors = vectors;
        this.clock = clock;
        this.jobs = jobs;
        this.indexer = new SearchIndexer(index, papers, vectors, checkpoints, encoder.map(Encoder::model), clock);
        this.search = new SearchService(
                Ranker.over(index, encoder, QueryEmbeddingCache.DEFAULT_CAPACITY, settings.tuning()), index,
                papers, vectors, indexer);
        this.similar = new SimilarPapers(index, similarLists, papers, vectors, encoder.map(Encoder::model));
        this.similarJob = new SimilarJob(similar, indexer);
        this.embedding = embeddingJob(settings.embeddingThreads());
        this.monitor = new SearchMonitor(search, papers, vectors, embedding);
        jobs.add(new Job(SYNC_JOB, indexLease, Duration.ZERO, SYNC_INTERVAL, Job.Stopping.SIGNAL, indexer::sync));
        jobs.add(new Job(SIMILAR_JOB, SIMILAR_JOB, SIMILAR_FIRST_RUN_DELAY, SIMILAR_INTERVAL, Job.Stopping.SIGNAL,
                Job.Task.of(similarJob::run, similarJob::stop)));
        embedding.ifPresent(job -> jobs.add(new Job(EMBEDDING_JOB, EMBEDDING_JOB, EMBEDDING_FIRST_RUN_DELAY,
                EMBEDDING_INTERVAL, Job.Stopping.SIGNAL, Job.Task.of(() -> job.run(Long.MAX_VALUE), job::stop))));
    }

    /** A new embedding job on {@code threads} threads (the {@code embed} command's), when a model is configured. */
    public Optional<EmbeddingJob> embeddingJob(int threads) {
        return encoder.map(e -> new EmbeddingJob(vectors, e, indexer, threads,
                EmbeddingJob.BATCH_SIZE_PER_THREAD * threads, clock));
    }

    /**
     * Runs {@code job} by hand under the embedding lease, so that it never overlaps the server's embedding job;
     * empty when another process is embedding.
     */
    public Optional<EmbeddingJob.Summary> embedByHand(EmbeddingJob job, long maxPapers,
            Consumer<EmbeddingJob.Progress> listener) {
        return jobs.runExclusive(EMBEDDING_JOB, () -> job.run(maxPapers, listener));
    }

    /**
     * Rebuilds the index by hand (the {@code reindex} command) under the sync lease, so never beside the sync or
     * a rebuild of another process that shares the index; empty when one holds the lease now.
     */
    public Optional<SearchIndexer.Summary> rebuildByHand(LongConsumer progress) {
        return jobs.runExclusive(syncLease, () -> indexer.rebuild(progress));
    }

    /** What search reads of the papers (for tools that build their own service over this index). */
    public SearchStore papers() {
        return papers;
    }

    public VectorStore vectors() {
        return vectors;
    }

    public SearchIndexer indexer() {
        return indexer;
    }

    public SearchService search() {
        return search;
    }

    /** Similar papers, stored once per paper. */
    public SimilarPapers similar() {
        return similar;
    }

    /** The work behind {@link #SIMILAR_JOB}, for running it by hand (tests, measurements). */
    public SimilarJob similarJob() {
        return similarJob;
    }

    public SearchMonitor monitor() {
        return monitor;
    }

    /** The index itself, for tools that measure it (the search benchmark). */
    public SearchIndex index() {
        return index;
    }

    /** The server's embedding job, when a model is configured. */
    public Optional<EmbeddingJob> embedding() {
        return embedding;
    }

    /** Closes the index; call after the scheduler has stopped every job that uses it. */
    @Override
    public void close() {
        index.close();
    }
}
