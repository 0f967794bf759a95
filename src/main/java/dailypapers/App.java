package dailypapers;

import dailypapers.feed.FeedService;
import dailypapers.ingest.CheckpointStore;
import dailypapers.ingest.HarvestJob;
import dailypapers.ingest.HarvestMonitor;
import dailypapers.ingest.HarvestRunner;
import dailypapers.ingest.HarvestSettings;
import dailypapers.ingest.PaperImporter;
import dailypapers.ingest.PaperMerge;
import dailypapers.ingest.Sleeper;
import dailypapers.ingest.Upstream;
import dailypapers.ingest.arxiv.ArxivApi;
import dailypapers.ingest.arxiv.ArxivSet;
import dailypapers.ingest.arxiv.OaiHarvester;
import dailypapers.ingest.hf.DailyPapersHarvester;
import dailypapers.paper.PaperStore;
import dailypapers.store.Database;
import dailypapers.store.JdbiCheckpointStore;
import dailypapers.store.JdbiPaperStore;
import dailypapers.web.Web;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Builds the object graph by hand: config, database, stores, services; then the web server or a CLI command. */
public final class App implements AutoCloseable {

    /** The Hugging Face Daily Papers source's name in checkpoints and on the status page. */
    public static final String HF_SOURCE = "hf";

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

    private App(Config config, Clock clock, PrometheusMeterRegistry metrics, Database database) {
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
    }

    /** Opens and migrates the database; throws {@link dailypapers.store.DatabaseException} when it cannot. */
    public static App open(Config config, Clock clock) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(metrics);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        return new App(config, clock, metrics, Database.open(config.database(), metrics));
    }

    /** Starts the web server on the configured address, and the harvest schedule unless harvesting is off. */
    public Web serve() {
        Web web = Web.start(config.httpHost(), config.httpPort(), feed, papers, harvestMonitor, clock, metrics,
                database::isReachable);
        if (config.harvest().enabled()) {
            List<HarvestJob.Schedule> schedules = new ArrayList<>();
            schedules.add(new HarvestJob.Schedule(hfHarvester, config.harvest().hfInterval()));
            arxivHarvesters.forEach(h -> schedules.add(new HarvestJob.Schedule(h, config.harvest().arxivInterval())));
            harvestJob = HarvestJob.start(schedules, harvestRunner, config.harvest().firstRunDelay());
        }
        return web;
    }

    public PaperImporter importer() {
        return new PaperImporter(papers);
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
        database.close();
    }
}
