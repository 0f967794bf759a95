package dailypapers;

import dailypapers.embedding.Encoder;
import dailypapers.feed.FeedService;
import dailypapers.ingest.CheckpointStore;
import dailypapers.ingest.HarvestJob;
import dailypapers.ingest.HarvestMonitor;
import dailypapers.ingest.HarvestRunner;
import dailypapers.ingest.HarvestSettings;
import dailypapers.ingest.ImportListener;
import dailypapers.ingest.ImportSummary;
import dailypapers.ingest.PaperImporter;
import dailypapers.ingest.PaperMerge;
import dailypapers.ingest.Sleeper;
import dailypapers.ingest.Upstream;
import dailypapers.ingest.arxiv.ArxivApi;
import dailypapers.ingest.arxiv.ArxivSet;
import dailypapers.ingest.arxiv.OaiHarvester;
import dailypapers.ingest.hf.DailyPapersHarvester;
import dailypapers.paper.PaperStore;
import dailypapers.search.EmbeddingJob;
import dailypapers.search.IndexUnavailableException;
import dailypapers.search.QueryEmbeddingCache;
import dailypapers.search.Ranker;
import dailypapers.search.SearchIndex;
import dailypapers.search.SearchIndexer;
import dailypapers.search.SearchMonitor;
import dailypapers.search.SearchService;
import dailypapers.search.SearchStore;
import dailypapers.search.VectorStore;
import dailypapers.search.engine.SearchEngines;
import dailypapers.store.Database;
import dailypapers.store.JdbiCheckpointStore;
import dailypapers.store.JdbiPaperStore;
import dailypapers.store.JdbiSearchStore;
import dailypapers.store.JdbiSyncCheckpointStore;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the object graph by hand: config, database, stores, services; then the web server or a CLI command. */
public final class App implements AutoCloseable {

    /** The Hugging Face Daily Papers source's name in checkpoints and on the status page. */
    public static final String HF_SOURCE = "hf";
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
    private final CheckpointStore checkpoints;
    private final HarvestRunner harvestRunner;
    private final DailyPapersHarvester hfHarvester;
    private final PaperMerge merge;
    private final Upstream arxiv;
    private final Upstream huggingFace;
    private final List<OaiHarvester> arxivHarvesters;
    private final ArxivApi arxivApi;
    private final HarvestMonitor harvestMonitor;
    private HarvestJob harvestJob;
    private final SearchStore searchStore;
    private final VectorStore vectors;
    private final Optional<Encoder> encoder;
    /** Null when another process holds the index; see {@link #indexUnavailable}. */
    private final SearchIndex index;
    private final IndexUnavailableException indexUnavailable;
    private final SearchIndexer indexer;
    private final SearchService search;
    private final EmbeddingJob embeddingJob;
    private final SearchMonitor searchMonitor;
    private ScheduledExecutorService jobs;

    private App(Config config, Clock clock, PrometheusMeterRegistry metrics, Database database,
            Optional<Encoder> encoder) {
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.database = database;
        this.papers = new JdbiPaperStore(database, clock);
        this.feed = new FeedService(papers, clock);
        this.checkpoints = new JdbiCheckpointStore(database);
        this.harvestRunner = new HarvestRunner(checkpoints, clock);
        HarvestSettings harvest = config.harvest();
        this.merge = new PaperMerge(papers);
        RandomGenerator random = RandomGenerator.getDefault();
        // OAI-PMH and the search API are one host to arXiv, and its politeness interval counts across both.
        this.arxiv = new Upstream("export.arxiv.org", harvest.arxivPolicy(), clock, Sleeper.REAL, random);
        this.arxivHarvesters = harvest.arxivSets().stream().map(this::arxivHarvester).toList();
        this.arxivApi = new ArxivApi(arxiv, harvest.arxivApiUrl());
        this.huggingFace = new Upstream("huggingface.co", harvest.hfPolicy(), clock, Sleeper.REAL, random);
        this.hfHarvester = new DailyPapersHarvester(HF_SOURCE, huggingFace, harvest.hfUrl(), merge, checkpoints,
                clock, harvest.hfLookbackDays(), harvest.startDays());
        Map<String, Upstream> upstreams = new LinkedHashMap<>();
        upstreams.put(hfHarvester.source(), huggingFace);
        arxivHarvesters.forEach(h -> upstreams.put(h.source(), arxiv));
        this.harvestMonitor = new HarvestMonitor(checkpoints, harvestRunner, upstreams, harvest.enabled());
        this.searchStore = new JdbiSearchStore(database);
        this.vectors = new JdbiVectorStore(database, clock);
        this.encoder = encoder;
        SearchIndex opened = null;
        IndexUnavailableException unavailable = null;
        try {
            opened = SearchEngines.open(config.searchEngine(), config.dataDir());
        } catch (IndexUnavailableException e) {
            unavailable = e;
        }
        this.index = opened;
        this.indexUnavailable = unavailable;
        if (index == null) {
            this.indexer = null;
            this.search = null;
            this.embeddingJob = null;
            this.searchMonitor = null;
        } else {
            this.indexer = new SearchIndexer(index, searchStore, vectors, new JdbiSyncCheckpointStore(database),
                    encoder.map(Encoder::model), clock);
            this.search = new SearchService(Ranker.over(index, encoder, QueryEmbeddingCache.DEFAULT_CAPACITY), index,
                    searchStore, vectors, indexer);
            this.embeddingJob = newEmbeddingJob(config.embeddingThreads()).orElse(null);
            this.searchMonitor = new SearchMonitor(search, searchStore, vectors, Optional.ofNullable(embeddingJob));
        }
    }

    /** The search index is derived data under the data directory: losing it loses nothing. */
    public static Path indexPath(Config config) {
        return SearchEngines.indexPath(config.dataDir());
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

    /**
     * Starts the web server on the configured address, and the harvest schedule unless harvesting is off; needs the
     * search index.
     */
    public Web serve() {
        Web web = Web.start(config.httpHost(), config.httpPort(), feed, papers, search(), searchMonitor,
                harvestMonitor, clock, metrics, database::isReachable);
        if (config.harvest().enabled()) {
            List<HarvestJob.Schedule> schedules = new ArrayList<>();
            schedules.add(new HarvestJob.Schedule(hfHarvester, config.harvest().hfInterval()));
            arxivHarvesters.forEach(h -> schedules.add(new HarvestJob.Schedule(h, config.harvest().arxivInterval())));
            harvestJob = HarvestJob.start(schedules, harvestRunner, config.harvest().firstRunDelay());
        }
        return web;
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

    /** The search index itself, for tools that measure it (the search benchmark). */
    public SearchIndex searchIndex() {
        requireIndex();
        return index;
    }

    public SearchStore searchStore() {
        return searchStore;
    }

    public SearchService search() {
        requireIndex();
        return search;
    }

    /** A new embedding job on {@code threads} threads (the {@code embed} command's), when a model is configured. */
    public Optional<EmbeddingJob> embeddingJob(int threads) {
        requireIndex();
        return newEmbeddingJob(threads);
    }

    private Optional<EmbeddingJob> newEmbeddingJob(int threads) {
        return encoder.map(e -> new EmbeddingJob(vectors, e, indexer, threads,
                EmbeddingJob.BATCH_SIZE_PER_THREAD * threads, clock));
    }

    /** The server's embedding job (on {@code search.embedding.threads} threads), when a model is configured. */
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

    public DailyPapersHarvester hfHarvester() {
        return hfHarvester;
    }

    /** The harvesters of the configured arXiv sets. */
    public List<OaiHarvester> arxivHarvesters() {
        return arxivHarvesters;
    }

    /** A harvester for any arXiv set or category ({@code cs}, {@code stat.ML}), sharing the polite arXiv client. */
    public OaiHarvester arxivHarvester(String spec) {
        HarvestSettings harvest = config.harvest();
        return new OaiHarvester(ArxivSet.parse(spec), harvest.arxivMetadataPrefix(), arxiv, harvest.arxivOaiUrl(),
                merge, checkpoints, clock, harvest.startDays());
    }

    /** Looks up single papers on arXiv, e.g. when a member submits one by id. */
    public ArxivApi arxivApi() {
        return arxivApi;
    }

    public HarvestRunner harvestRunner() {
        return harvestRunner;
    }

    public CheckpointStore checkpoints() {
        return checkpoints;
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

    public HarvestMonitor harvestMonitor() {
        return harvestMonitor;
    }

    @Override
    public void close() {
        if (harvestJob != null) {
            harvestJob.close();
        }
        arxiv.close();
        huggingFace.close();
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
