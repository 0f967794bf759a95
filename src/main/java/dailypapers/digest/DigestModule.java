package dailypapers.digest;

import dailypapers.job.Job;
import dailypapers.job.JobScheduler;
import dailypapers.mail.MailModule;
import dailypapers.mail.Mailer;
import dailypapers.mail.OutboxStore;
import dailypapers.paper.PaperStore;
import dailypapers.paper.Transactions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Email digests: subscriptions (double opt-in, preferences by signed link) and the digests composed for them,
 * which leave through the mail seam's outbox. With {@link DigestSettings#enabled()} the {@value #JOB} job queues
 * due digests every minute; the mail module renders them with {@link DigestMail} when it sends them.
 */
public final class DigestModule {

    /** The job's name and lease: one node composes at a time. */
    public static final String JOB = "digest";
    static final Duration INTERVAL = Duration.ofMinutes(1);
    /** Rows of the admin page's lists. */
    static final int RECENT = 20;

    private final DigestSettings settings;
    private final SignedLinks links;
    private final DigestLinks urls;
    private final SubscriptionService subscriptionService;
    private final SubscriptionStore subscriptions;
    private final DigestStore digests;
    private final DigestService service;
    private final DigestMail mail;
    private final MailModule mailModule;
    private final JobScheduler jobs;
    private final Clock clock;

    /** The stores, services and jobs digests need; {@code candidates} reach the search index when it is here. */
    public record Parts(DigestStore digests, Transactions<DigestTx> transactions, PaperStore papers,
            Candidates candidates, DigestRenderer renderer, MailModule mail, JobScheduler jobs) {
    }

    /**
     * @param writes the subscription store in the transactions that {@code mailer} joins, so that a subscription
     *               and the mail about it commit together
     */
    public DigestModule(DigestSettings settings, SubscriptionStore subscriptions, SecretStore secrets, URI siteUrl,
            Clock clock, Transactions<SubscriptionStore> writes, Mailer mailer, Parts parts) {
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.links = new SignedLinks(secrets, clock.instant());
        this.urls = new DigestLinks(siteUrl, links, settings, clock);
        this.subscriptionService = new SubscriptionService(settings, subscriptions, writes, mailer, links, urls,
                clock);
        this.digests = parts.digests();
        this.mailModule = parts.mail();
        this.jobs = parts.jobs();
        this.clock = clock;
        this.service = new DigestService(settings, subscriptions,
                new DigestComposer(settings, parts.candidates(), parts.digests()), parts.transactions());
        this.mail = new DigestMail(parts.digests(), subscriptions, parts.papers(), urls, siteUrl, parts.renderer(),
                clock);
        parts.mail().register(DigestService.KIND, mail);
        if (settings.enabled()) {
            parts.jobs().add(new Job(JOB, JOB, INTERVAL, INTERVAL, Job.Stopping.SIGNAL, new DigestJob(service, clock)));
        }
    }

    public DigestSettings settings() {
        return settings;
    }

    public SignedLinks links() {
        return links;
    }

    /** The absolute confirm, preferences and unsubscribe URLs of a subscription, signed now. */
    public DigestLinks urls() {
        return urls;
    }

    /** Subscribing, confirming, preferences and unsubscribing. */
    public SubscriptionService subscriptions() {
        return subscriptionService;
    }

    /** Composing digests: due ones, everyone's, dry runs and previews. */
    public DigestService service() {
        return service;
    }

    /**
     * {@code digest send}: composes the due digests, or ({@code all}) everyone's, now, under the job's lease so
     * that it never overlaps a server's run; empty when a server is composing.
     */
    public Optional<DigestService.Run> composeNow(boolean all) {
        return jobs.runExclusive(JOB, () -> all ? service.composeAll(clock.instant())
                : service.composeDue(clock.instant(), () -> false));
    }

    /** Rendering digest mails (previews use it too). */
    public DigestMail mail() {
        return mail;
    }

    /** What the admin page shows. */
    public Status status() {
        return new Status(subscriptions.countsByState(), mailModule.counts(DigestService.KIND),
                mailModule.recentFailures(DigestService.KIND, RECENT), subscriptions.recentlyDisabled(RECENT),
                digests.counts(), settings.enabled());
    }

    /**
     * Subscriptions per state, digest mails per outbox state, the latest failures and disabled addresses (with
     * the mail server's answers), how many digests and papers were composed, and whether serve composes them.
     */
    public record Status(Map<SubscriptionState, Long> subscriptions, Map<OutboxStore.State, Long> mails,
            List<OutboxStore.Failure> failures, List<Subscription> disabled, DigestStore.Counts composed,
            boolean scheduled) {
    }
}
