package dailypapers.ingest;

import dailypapers.ingest.arxiv.ArxivApi;
import dailypapers.ingest.arxiv.ArxivSet;
import dailypapers.ingest.arxiv.OaiHarvester;
import dailypapers.ingest.hf.DailyPapersHarvester;
import dailypapers.job.Job;
import dailypapers.job.JobScheduler;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Papers coming in: file imports and the harvesters (Hugging Face Daily Papers, arXiv OAI-PMH), their polite
 * upstream clients, checkpoints and status. With harvesting on, each source is a job of the scheduler.
 */
public final class IngestModule implements AutoCloseable {

    /** The Hugging Face Daily Papers source's name in checkpoints and on the status page. */
    public static final String HF_SOURCE = "hf";

    private final HarvestSettings settings;
    private final PaperStore papers;
    private final CheckpointStore checkpoints;
    private final Clock clock;
    private final JobScheduler jobs;
    private final PaperMerge merge;
    private final HarvestRunner runner;
    private final Upstream arxiv;
    private final Upstream huggingFace;
    private final ArxivApi arxivApi;
    private final DailyPapersHarvester hfHarvester;
    private final List<OaiHarvester> arxivHarvesters;
    private final HarvestMonitor monitor;

    public IngestModule(HarvestSettings settings, PaperStore papers, CheckpointStore checkpoints, Clock clock,
            JobScheduler jobs) {
        this.settings = settings;
        this.papers = papers;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.jobs = jobs;
        this.merge = new PaperMerge(papers);
        this.runner = new HarvestRunner(checkpoints, clock);
        RandomGenerator random = RandomGenerator.getDefault();
        // OAI-PMH and the search API are one host to arXiv, and its politeness interval counts across both.
        this.arxiv = new Upstream("export.arxiv.org", settings.arxivPolicy(), clock, Sleeper.REAL, random);
        this.huggingFace = new Upstream("huggingface.co", settings.hfPolicy(), clock, Sleeper.REAL, random);
        this.arxivApi = new ArxivApi(arxiv, settings.arxivApiUrl());
        this.hfHarvester = new DailyPapersHarvester(HF_SOURCE, huggingFace, settings.hfUrl(), merge, checkpoints,
                clock, settings.hfLookbackDays(), settings.startDays());
        this.arxivHarvesters = settings.arxivSets().stream().map(this::arxivHarvester).toList();
        Map<String, Upstream> upstreams = new LinkedHashMap<>();
        upstreams.put(hfHarvester.source(), huggingFace);
        arxivHarvesters.forEach(h -> upstreams.put(h.source(), arxiv));
        this.monitor = new HarvestMonitor(checkpoints, runner, upstreams, settings.enabled());
        if (settings.enabled()) {
            jobs.add(harvestJob(hfHarvester, settings.hfInterval()));
            arxivHarvesters.forEach(h -> jobs.add(harvestJob(h, settings.arxivInterval())));
        }
    }

    /** The scheduler's job for a source; its name and lease are {@link #jobName(String)}. */
    private Job harvestJob(Harvester harvester, Duration interval) {
        String name = jobName(harvester.source());
        return new Job(name, name, settings.firstRunDelay(), interval, Job.Stopping.INTERRUPT,
                () -> runner.run(harvester, HarvestListener.NONE));
    }

    /** The name and lease of a source's harvest job: {@code harvest:hf}, {@code harvest:arxiv:cs}. */
    public static String jobName(String source) {
        return "harvest:" + source;
    }

    /**
     * Runs a harvest by hand (the {@code ingest} command) under the source's lease, so that it never overlaps the
     * scheduled harvest of the same source on a server; skipped while that runs.
     */
    public HarvestRunner.Outcome harvestByHand(String source, HarvestListener listener, HarvestRunner.Task task) {
        return jobs.runExclusive(jobName(source), () -> runner.run(source, listener, task))
                .orElseGet(() -> HarvestRunner.Outcome.skipped(source));
    }

    /** An importer of files; {@code stored} hears the ids of each batch it stored. */
    public PaperImporter importer(Consumer<List<ArxivId>> stored) {
        return new PaperImporter(papers, stored);
    }

    /** Writes every stored paper out in the import schema. */
    public PaperExporter exporter() {
        return new PaperExporter(papers);
    }

    public DailyPapersHarvester hfHarvester() {
        return hfHarvester;
    }

    /** The harvesters of the configured arXiv sets. */
    public List<OaiHarvester> arxivHarvesters() {
        return arxivHarvesters;
    }

    /** A harvester for an arXiv set or category ({@code cs}, {@code stat.ML}), sharing the polite arXiv client. */
    private OaiHarvester arxivHarvester(String spec) {
        return new OaiHarvester(ArxivSet.parse(spec), settings.arxivMetadataPrefix(), arxiv,
                settings.arxivOaiUrl(), merge, checkpoints, clock, settings.startDays());
    }

    /** arXiv's search API for single papers (a member's submission), polite on the harvests' shared client. */
    public ArxivApi arxivApi() {
        return arxivApi;
    }

    public HarvestMonitor monitor() {
        return monitor;
    }

    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    @Override
    public void close() {
        try {
            arxiv.close();
        } finally {
            huggingFace.close();
        }
    }
}
