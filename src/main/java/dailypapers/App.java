package dailypapers;

import dailypapers.embedding.Encoder;
import dailypapers.feed.FeedService;
import dailypapers.ingest.ImportListener;
import dailypapers.ingest.ImportSummary;
import dailypapers.ingest.PaperImporter;
import dailypapers.paper.PaperStore;
import dailypapers.search.EmbeddingJob;
import dailypapers.search.Fusion;
import dailypapers.search.IndexUnavailableException;
import dailypapers.search.QueryEmbeddingCache;
import dailypapers.search.Retriever;
import dailypapers.search.SearchIndex;
import dailypapers.search.SearchIndexer;
import dailypapers.search.SearchService;
import dailypapers.search.SearchStore;
import dailypapers.search.VectorStore;
import dailypapers.search.lucene.LuceneSearchIndex;
import dailypapers.store.Database;
import dailypapers.store.JdbiPaperStore;
import dailypapers.store.JdbiSearchStore;
import dailypapers.store.JdbiVectorStore;
import dailypapers.web.Web;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the object graph by hand: config, database, stores, services; then the web server or a CLI command. */
public final class App implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(App.class);

    /** How often a server catches its index up with writes by other processes (an import, say). */
    public static final long INDEX_SYNC_INTERVAL_SECONDS = 10;
    /** How often a server looks for papers without a vector. */
    static final long EMBEDDING_INTERVAL_SECONDS = 30;

    private final Config config;
    private final Clock clock;
    private final PrometheusMeterRegistry metrics;
    private final Database database;
    private final PaperStore papers;
    private final FeedService feed;
    private final SearchStore searchStore;
    private final VectorStore vectors;
    private final Optional<Encoder> encoder;
    /** Null when another process holds the index; see {@link #indexUnavailable}. */
    private final SearchIndex index;
    private final IndexUnavailableException indexUnavailable;
    private final SearchIndexer indexer;
    private final SearchService search;
    private final EmbeddingJob embeddingJob;
    private ScheduledExecutorService jobs;

    private App(Config config, Clock clock, PrometheusMeterRegistry metrics, Database database,
            Optional<Encoder> encoder) {
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.database = database;
        this.papers = new JdbiPaperStore(database, clock);
        this.feed = new FeedService(papers, clock);
        this.searchStore = new JdbiSearchStore(database);
        this.vectors = new JdbiVectorStore(database, clock);
        this.encoder = encoder;
        SearchIndex opened = null;
        IndexUnavailableException unavailable = null;
        try {
            opened = LuceneSearchIndex.open(indexPath(config));
        } catch (IndexUnavailableException e) {
            unavailable = e;
        }
        this.index = opened;
        this.indexUnavailable = unavailable;
        if (index == null) {
            this.indexer = null;
            this.search = null;
            this.embeddingJob = null;
        } else {
            this.indexer = new SearchIndexer(index, searchStore, vectors, encoder.map(Encoder::model), clock);
            Retriever retriever = new Retriever(index,
                    encoder.map(e -> new QueryEmbeddingCache(e, QueryEmbeddingCache.DEFAULT_CAPACITY)),
                    new Fusion.ReciprocalRank(Fusion.ReciprocalRank.DEFAULT_K));
            this.search = new SearchService(index, searchStore, vectors, indexer, retriever);
            this.embeddingJob = encoder.map(e -> new EmbeddingJob(vectors, e, indexer,
                    EmbeddingJob.DEFAULT_BATCH_SIZE)).orElse(null);
        }
    }

    /** The search index is derived data under the data directory: losing it loses nothing. */
    public static Path indexPath(Config config) {
        return config.dataDir().resolve("index");
    }

    /**
     * Opens and migrates the database and opens the search index, without an embedding model (semantic search
     * then falls back to keywords); throws {@link dailypapers.store.DatabaseException} when the database cannot be
     * opened.
     */
    public static App open(Config config, Clock clock) {
        return open(config, clock, Optional.empty());
    }

    /** As {@link #open(Config, Clock)}, with an embedding model for semantic search and the embedding job. */
    public static App open(Config config, Clock clock, Optional<Encoder> encoder) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(metrics);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        return new App(config, clock, metrics, Database.open(config.database(), metrics), encoder);
    }

    /** Starts the web server on the configured address; needs the search index. */
    public Web serve() {
        return Web.start(config.httpHost(), config.httpPort(), feed, papers, search(), clock, metrics,
                database::isReachable);
    }

    /**
     * Starts the server's background work: the index catches up with the database now and every few seconds
     * (rebuilding it when it is new or out of date), and, with a model, papers without a vector get one.
     */
    public synchronized void startBackgroundJobs() {
        if (jobs != null) {
            return;
        }
        SearchIndexer syncing = indexer();
        jobs = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "search-jobs");
            thread.setDaemon(true);
            return thread;
        });
        jobs.scheduleWithFixedDelay(() -> guarded("search index sync", syncing::sync), 0,
                INDEX_SYNC_INTERVAL_SECONDS, TimeUnit.SECONDS);
        if (embeddingJob != null) {
            jobs.scheduleWithFixedDelay(() -> guarded("embedding", () -> embeddingJob.run(Long.MAX_VALUE)), 5,
                    EMBEDDING_INTERVAL_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("{} failed; retrying at its next run", what, e);
        }
    }

    /** Imports papers; each stored batch reaches the search index at once when this process holds it. */
    public PaperImporter importer() {
        return indexer == null ? new PaperImporter(papers) : new PaperImporter(papers, indexer::update);
    }

    /**
     * Imports a file; with the search index held here, each stored batch is indexed and all of it is searchable
     * when this returns.
     */
    public ImportSummary importFile(Path file, ImportListener listener) throws IOException {
        ImportSummary summary = importer().importFile(file, listener);
        if (indexer != null) {
            indexer.refresh();
        }
        return summary;
    }

    /** True when this process holds the search index (no server has it). */
    public boolean hasIndex() {
        return index != null;
    }

    public SearchIndexer indexer() {
        requireIndex();
        return indexer;
    }

    public SearchService search() {
        requireIndex();
        return search;
    }

    /** The embedding job, when a model is configured. */
    public Optional<EmbeddingJob> embeddingJob() {
        requireIndex();
        return Optional.ofNullable(embeddingJob);
    }

    public VectorStore vectors() {
        return vectors;
    }

    private void requireIndex() {
        if (index == null) {
            throw indexUnavailable;
        }
    }

    public PaperStore papers() {
        return papers;
    }

    public FeedService feed() {
        return feed;
    }

    public Config config() {
        return config;
    }

    /** The database URL without its query string, which may carry credentials; for logs. */
    public String databaseDescription() {
        String url = config.database().url();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (jobs != null) {
                if (embeddingJob != null) {
                    embeddingJob.stop();
                }
                // No interrupts: an interrupted thread in the middle of index I/O would close the index writer.
                jobs.shutdown();
                try {
                    jobs.awaitTermination(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        try {
            if (index != null) {
                index.close();
            }
            encoder.ifPresent(Encoder::close);
        } finally {
            database.close();
        }
    }
}
