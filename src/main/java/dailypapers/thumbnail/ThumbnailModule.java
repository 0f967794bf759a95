package dailypapers.thumbnail;

import dailypapers.ingest.Sleeper;
import dailypapers.ingest.Upstream;
import dailypapers.job.Job;
import dailypapers.job.JobScheduler;
import java.time.Clock;
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
    private final Upstream pdfHost;
    private final FirstPageRenderer renderer;

    public ThumbnailModule(ThumbnailSettings settings, ThumbnailStore store, Clock clock, JobScheduler jobs) {
        this.service = new ThumbnailService(store, settings.enabled());
        String host = settings.pdfUrl().getHost();
        this.pdfHost = new Upstream(host, settings.policy(), clock, Sleeper.REAL, RandomGenerator.getDefault());
        this.renderer = new FirstPageRenderer(settings.renderTimeout());
        if (settings.enabled()) {
            jobs.add(new Job(JOB, JOB, ThumbnailSettings.FIRST_RUN_DELAY, settings.interval(),
                    Job.Stopping.INTERRUPT, new ThumbnailJob(store, pdfHost, renderer, settings, clock)));
        }
    }

    public ThumbnailService service() {
        return service;
    }

    /** Call after the scheduler has stopped, so that no run is using the client or the renderer. */
    @Override
    public void close() {
        try {
            pdfHost.close();
        } finally {
            renderer.close();
        }
    }
}
