package dailypapers.thumbnail;

import dailypapers.ingest.Sleeper;
import dailypapers.ingest.Upstream;
import dailypapers.job.Job;
import dailypapers.job.JobScheduler;
import java.time.Clock;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Thumbnails of featured papers: the store, the service pages read, and with {@code thumbnail.enabled} the
 * {@value #JOB} job of the scheduler, which fetches PDFs from arXiv through a polite client of its own (the PDF
 * host, arxiv.org, is not the harvesters' export.arxiv.org) and renders them.
 */
public final class ThumbnailModule implements AutoCloseable {

    /** The job's name and lease: one node makes thumbnails at a time. */
    public static final String JOB = "thumbnail";

    private final ThumbnailService service;
    /** The PDF client and the renderer, only where the job runs (every CLI command opens the module too). */
    private final Optional<Upstream> pdfHost;
    private final Optional<FirstPageRenderer> renderer;

    public ThumbnailModule(ThumbnailSettings settings, ThumbnailStore store, Clock clock, JobScheduler jobs) {
        this.service = new ThumbnailService(store, settings.enabled());
        if (!settings.enabled()) {
            this.pdfHost = Optional.empty();
            this.renderer = Optional.empty();
            return;
        }
        Upstream host = new Upstream(settings.pdfUrl().getHost(), settings.policy(), clock, Sleeper.REAL,
                RandomGenerator.getDefault());
        FirstPageRenderer pages = new FirstPageRenderer(settings.renderTimeout());
        this.pdfHost = Optional.of(host);
        this.renderer = Optional.of(pages);
        jobs.add(new Job(JOB, JOB, ThumbnailSettings.FIRST_RUN_DELAY, settings.interval(),
                Job.Stopping.INTERRUPT, new ThumbnailJob(store, host, pages, settings, clock)));
    }

    public ThumbnailService service() {
        return service;
    }

    /** Call after the scheduler has stopped, so that no run is using the client or the renderer. */
    @Override
    public void close() {
        try {
            pdfHost.ifPresent(Upstream::close);
        } finally {
            renderer.ifPresent(FirstPageRenderer::close);
        }
    }
}
