package dailypapers.digest;

import dailypapers.mail.Mailer;
import dailypapers.paper.Transactions;
import java.net.URI;
import java.time.Clock;

/**
 * Email digests: subscriptions (double opt-in, preferences by signed link) and the digests composed for them,
 * which leave through the mail seam's outbox.
 */
public final class DigestModule {

    private final DigestSettings settings;
    private final SignedLinks links;
    private final DigestLinks urls;
    private final SubscriptionService subscriptionService;
    private final SubscriptionStore subscriptions;
    private final URI siteUrl;
    private final Clock clock;

    /**
     * @param writes the subscription store in the transactions that {@code mailer} joins, so that a subscription
     *               and the mail about it commit together
     */
    public DigestModule(DigestSettings settings, SubscriptionStore subscriptions, SecretStore secrets, URI siteUrl,
            Clock clock, Transactions<SubscriptionStore> writes, Mailer mailer) {
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.siteUrl = siteUrl;
        this.clock = clock;
        this.links = new SignedLinks(secrets, clock.instant());
        this.urls = new DigestLinks(siteUrl, links, settings, clock);
        this.subscriptionService = new SubscriptionService(settings, subscriptions, writes, mailer, links, urls,
                clock);
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
}
