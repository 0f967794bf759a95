package dailypapers.digest;

import dailypapers.job.Job;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every minute, under the {@value DigestModule#JOB} lease (one node composes): queues the digests that are due.
 * The mail job sends them.
 */
final class DigestJob implements Job.Task {

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private final DigestService service;
    private final Clock clock;
    private volatile boolean stopping;

    DigestJob(DigestService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public void run() {
        DigestService.Run run = service.composeDue(clock.instant(), () -> stopping);
        if (run.subscribers() > 0) {
            log.info("digests: {} subscribers due, {} digests queued with {} papers, {} empty, {} failed",
                    run.subscribers(), run.digests(), run.papers(), run.subscribers() - run.digests() - run.failed(),
                    run.failed());
        }
    }

    /** Shutdown: the run ends after the subscription in hand, whose transaction has committed or rolled back. */
    @Override
    public void stop() {
        stopping = true;
    }
}
