package dailypapers.mail;

import dailypapers.job.Job;
import dailypapers.job.JobScheduler;
import dailypapers.paper.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Mail: the {@link Mailer} features queue messages with, and the {@value #JOB} job that delivers them through SMTP,
 * or as {@code .eml} files when no SMTP host is set.
 */
public final class MailModule {

    /** The job's name and lease: one node sends at a time. */
    public static final String JOB = "mail";
    static final Duration INTERVAL = Duration.ofSeconds(10);

    private final Mailer mailer;
    private final MailJob job;
    private final MailTransport transport;
    private final OutboxStore store;
    private final JobScheduler jobs;

    public MailModule(MailSettings settings, OutboxStore store, Transactions<OutboxStore> outbox, Clock clock,
            JobScheduler jobs) {
        this.store = store;
        this.jobs = jobs;
        this.mailer = new Mailer(outbox, clock);
        this.transport = settings.smtpHost().isPresent()
                ? new SmtpTransport(settings, MailSettings.fromAddress(settings.from()))
                : new EmlTransport(settings.outboxDir(), MailSettings.fromAddress(settings.from()));
        this.job = new MailJob(store, transport, clock);
        jobs.add(new Job(JOB, JOB, INTERVAL, INTERVAL, Job.Stopping.SIGNAL, job));
    }

    public Mailer mailer() {
        return mailer;
    }

    /** Where messages go, for logs and the command line. */
    public String transport() {
        return transport.describe();
    }

    /**
     * Delivers the due messages now, on this thread, under the job's lease; empty when another process holds the
     * lease (a server's mail job is sending).
     */
    public Optional<Integer> deliverNow() {
        return jobs.runExclusive(JOB, job::deliver);
    }

    public Optional<OutboxStore.Outgoing> find(String id) {
        return store.find(id);
    }
}
