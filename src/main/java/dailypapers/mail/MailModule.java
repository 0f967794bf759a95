package dailypapers.mail;

import dailypapers.job.Job;
import dailypapers.job.JobScheduler;
import dailypapers.paper.Transactions;
import dailypapers.ratelimit.RateLimitStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mail: the {@link Mailer} features queue messages with, the {@link MailKind}s that render rows when they are sent
 * (digests), and the {@value #JOB} job that delivers them through SMTP, or as {@code .eml} files when no SMTP host is
 * set. docs/mail.md describes the states a row goes through.
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
    private final boolean smtp;

    /** @param counts where the per-domain counts are kept, shared by every node (the rate limits' table) */
    public MailModule(MailSettings settings, OutboxStore store, Transactions<OutboxStore> outbox,
            RateLimitStore counts, Clock clock, JobScheduler jobs) {
        this.store = store;
        this.jobs = jobs;
        this.mailer = new Mailer(outbox, clock);
        this.transport = MailTransport.of(settings);
        this.smtp = settings.smtpHost().isPresent();
        this.job = new MailJob(store, transport, clock, new DomainRate(counts, settings.perDomainPerMinute()));
        jobs.add(new Job(JOB, JOB, INTERVAL, INTERVAL, Job.Stopping.SIGNAL, job));
    }

    public Mailer mailer() {
        return mailer;
    }

    /** Where messages go, for logs and the command line. */
    public String transport() {
        return transport.describe();
    }

    /** Whether mail leaves through an SMTP server; without one it is written as {@code .eml} files. */
    public boolean sendsBySmtp() {
        return smtp;
    }

    /**
     * Connects to the SMTP server and lets go, as the mail job would before sending (see
     * {@link MailTransport#verify()}); the job's own kept connection is not touched.
     */
    public void verifyConnection() throws MailException {
        transport.verify();
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

    /**
     * Rows of {@code kind} (added with {@link OutboxStore#addRendered}) are rendered by {@code mailKind} just before
     * they are sent; until a kind is registered its rows wait, pending. Register once, at startup.
     */
    public void register(String kind, MailKind mailKind) {
        job.register(kind, mailKind);
    }

    /** How many rows of {@code kind} are in each state, every state present (for an admin page). */
    public Map<OutboxStore.State, Long> counts(String kind) {
        return store.countsByState(kind);
    }

    /** The latest failed rows of {@code kind}, newest first, with why they failed. */
    public List<OutboxStore.Failure> recentFailures(String kind, int limit) {
        return store.recentFailures(kind, limit);
    }
}
