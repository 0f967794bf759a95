package dailypapers.digest;

import dailypapers.paper.Transactions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns due subscriptions into queued digests. Each subscription's digest, its outbox row and the subscription's
 * advance to its next due time commit in one transaction, so a crash leaves each subscription either untouched
 * (composed again by the next run) or queued exactly once; the outbox's dedupe key and the digest's unique window
 * end make a second composition of the same window add nothing. An empty digest is neither stored nor sent, but
 * the subscription still advances. Sending is the mail job's: it renders each row with {@link DigestMail}.
 */
public final class DigestService {

    private static final Logger log = LoggerFactory.getLogger(DigestService.class);

    /** The outbox kind of digest rows. */
    public static final String KIND = "digest";
    static final int BATCH_SIZE = 100;

    private final DigestSettings settings;
    private final SubscriptionStore subscriptions;
    private final DigestComposer composer;
    private final Transactions<DigestTx> transactions;

    public DigestService(DigestSettings settings, SubscriptionStore subscriptions, DigestComposer composer,
            Transactions<DigestTx> transactions) {
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.composer = composer;
        this.transactions = transactions;
    }

    /** What a run composed: subscribers looked at, digests queued (the others were empty), papers in them. */
    public record Run(int subscribers, int digests, int papers, int failed) {

        Run plus(Run other) {
            return new Run(subscribers + other.subscribers, digests + other.digests, papers + other.papers,
                    failed + other.failed);
        }
    }

    /**
     * Composes and queues the digest of every subscription due at {@code now}, batch after batch, until none is
     * due or {@code stop} says so. Each window ends at the subscription's due time; the next due time is the first
     * after {@code now}, so a server that was down sends one digest per subscriber, not one per missed day.
     */
    public Run composeDue(Instant now, BooleanSupplier stop) {
        Run total = new Run(0, 0, 0, 0);
        Set<Long> failed = new HashSet<>();
        while (!stop.getAsBoolean()) {
            List<Subscription> batch = subscriptions.due(now, BATCH_SIZE + failed.size()).stream()
                    .filter(s -> !failed.contains(s.id())).toList();
            if (batch.isEmpty()) {
                break;
            }
            for (Subscription subscription : batch) {
                Instant until = subscription.nextDueAt().orElse(now);
                Instant next = settings.schedule().nextDue(subscription.cadence(), subscription.zone(), now);
                Run run = queue(subscription, until, next, now);
                if (run.failed() > 0) {
                    failed.add(subscription.id());
                }
                total = total.plus(run);
            }
        }
        return total;
    }

    /**
     * {@code digest send --all}: every confirmed subscriber now, whatever their cadence and time zone, each with
     * what is new for them since their last digest; their next due time stays as it was.
     */
    public Run composeAll(Instant now) {
        Run total = new Run(0, 0, 0, 0);
        long after = 0;
        for (List<Subscription> page = subscriptions.confirmed(after, BATCH_SIZE); !page.isEmpty();
                page = subscriptions.confirmed(after, BATCH_SIZE)) {
            for (Subscription subscription : page) {
                Instant next = subscription.nextDueAt().orElseGet(() -> settings.schedule()
                        .nextDue(subscription.cadence(), subscription.zone(), now));
                total = total.plus(queue(subscription, now, next, now));
            }
            after = page.getLast().id();
        }
        return total;
    }

    /**
     * {@code digest send --dry-run}: composes the digests a run would queue, due ones or ({@code all}) every
     * confirmed subscriber's, and stores nothing.
     */
    public Run dryRun(boolean all, Instant now) {
        Run total = new Run(0, 0, 0, 0);
        long after = 0;
        for (List<Subscription> page = subscriptions.confirmed(after, BATCH_SIZE); !page.isEmpty();
                page = subscriptions.confirmed(after, BATCH_SIZE)) {
            for (Subscription subscription : page) {
                Optional<Instant> due = subscription.nextDueAt().filter(at -> !at.isAfter(now));
                if (all || due.isPresent()) {
                    Instant until = all ? now : due.get();
                    Digest digest = composer.compose(subscription, composer.windowStart(subscription, until), until,
                            now);
                    total = total.plus(new Run(1, digest.isEmpty() ? 0 : 1, digest.items().size(), 0));
                }
            }
            after = page.getLast().id();
        }
        return total;
    }

    /**
     * The digest {@code email}'s subscription would get on {@code date}: the window of its cadence that ends on
     * that day at the digest hour in the subscriber's zone. Nothing is stored; papers sent before stay out.
     */
    public Optional<Preview> preview(String email, LocalDate date, Instant now) {
        return subscriptions.findByEmail(email).map(subscription -> {
            Instant until = ZonedDateTime.of(date, LocalTime.of(settings.schedule().hour(), 0), subscription.zone())
                    .toInstant();
            Instant from = settings.schedule().previousDue(subscription.cadence(), subscription.zone(), until);
            return new Preview(subscription, composer.compose(subscription, from, until, now));
        });
    }

    public record Preview(Subscription subscription, Digest digest) {
    }

    private Run queue(Subscription subscription, Instant until, Instant next, Instant now) {
        Digest digest;
        try {
            digest = composer.compose(subscription, composer.windowStart(subscription, until), until, now);
        } catch (RuntimeException e) {
            log.warn("could not compose the digest of subscription {}; it is tried again on the next run",
                    subscription.id(), e);
            return new Run(1, 0, 0, 1);
        }
        boolean queued = transactions.inTransaction(tx -> {
            boolean stored = !digest.isEmpty() && tx.digests().insert(digest);
            if (stored) {
                tx.outbox().addRendered(KIND, subscription.email(), digest.id(), dedupeKey(subscription, until),
                        now);
            }
            // A window never moves back: after "send --all" the scheduled digest may end before it did.
            Instant last = subscription.lastDigestAt().filter(at -> at.isAfter(until)).orElse(until);
            tx.subscriptions().advance(subscription.id(), last, next, now);
            return stored;
        });
        return new Run(1, queued ? 1 : 0, queued ? digest.items().size() : 0, 0);
    }

    /** One outbox row per subscription and window end, whoever composes it. */
    static String dedupeKey(Subscription subscription, Instant until) {
        return KIND + ":" + subscription.id() + ":" + until;
    }
}
