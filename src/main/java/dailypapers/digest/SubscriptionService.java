package dailypapers.digest;

import dailypapers.account.AccountException;
import dailypapers.account.Email;
import dailypapers.account.Member;
import dailypapers.digest.SignedLinks.Purpose;
import dailypapers.digest.SignedLinks.Result;
import dailypapers.mail.Mailer;
import dailypapers.mail.Message;
import dailypapers.paper.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Subscribing (double opt-in), confirming, preferences and unsubscribing, by signed links that need no password.
 *
 * <p>A subscribe request answers alike whatever the address's state, so the page never tells a stranger who is
 * subscribed; what differs is the mail, which only the address's owner reads: a new, pending, unsubscribed or
 * disabled address gets a confirmation link (confirming is the test of the address), a confirmed one a link to its
 * preferences. A signed-in member subscribing their own verified address is confirmed at once and linked to the
 * subscription, which is what lets them follow "more like my library". Each write and the mail about it commit
 * together.
 */
public final class SubscriptionService {

    private static final String INVALID_EMAIL = "enter an email address such as ada@example.org";

    private final DigestSettings settings;
    private final SubscriptionStore store;
    private final Transactions<SubscriptionStore> transactions;
    private final Mailer mailer;
    private final SignedLinks links;
    private final DigestLinks urls;
    private final Clock clock;

    /**
     * @param store        for reads
     * @param transactions for writes with their mail: {@code mailer} joins their transaction
     */
    public SubscriptionService(DigestSettings settings, SubscriptionStore store,
            Transactions<SubscriptionStore> transactions, Mailer mailer, SignedLinks links, DigestLinks urls,
            Clock clock) {
        this.settings = settings;
        this.store = store;
        this.transactions = transactions;
        this.mailer = mailer;
        this.links = links;
        this.urls = urls;
        this.clock = clock;
    }

    /** What a subscribe request did, for the page: the same answer for every address but the member's own. */
    public enum Outcome {
        /** A mail went to the address (a confirmation link, or its preferences link). */
        CHECK_INBOX,
        /** The signed-in member's own verified address: subscribed now, no mail needed. */
        SUBSCRIBED
    }

    /**
     * Subscribes {@code email} with these preferences; {@code member} is the signed-in visitor, if any. Throws
     * {@link SubscriptionException} for an address mail cannot be sent to, or for "more like my library" asked
     * for an address that is not the member's own.
     */
    public Outcome subscribe(String email, Preferences preferences, Optional<Member> member) {
        String address = address(email);
        boolean own = member.filter(m -> m.email().value().equals(address) && m.emailVerifiedAt().isPresent())
                .isPresent();
        if (!own && preferences.topics().contains(Topic.library())) {
            throw new SubscriptionException(SubscriptionException.Field.TOPICS, "\"More like my library\" is for a"
                    + " member subscribing their own account's address: sign in, or remove it");
        }
        Instant now = clock.instant();
        Optional<Long> memberId = own ? member.map(Member::id) : Optional.empty();
        return transactions.inTransaction(tx -> {
            Optional<Subscription> existing = tx.findByEmail(address);
            Optional<Long> created = Optional.empty();
            if (existing.isEmpty()) {
                created = tx.create(address, memberId, preferences, now);
                if (created.isEmpty()) {
                    // Another request subscribed the address between the two statements: go on with its row.
                    existing = tx.findByEmail(address);
                }
            }
            long id;
            if (created.isPresent()) {
                id = created.get();
            } else {
                id = existing.get().id();
                if (existing.get().isConfirmed()) {
                    if (own) {
                        tx.setMember(id, memberId, now);
                        return Outcome.SUBSCRIBED;
                    }
                    Subscription confirmed = existing.get();
                    mailer.send(SubscriptionMail.alreadySubscribed(confirmed, urls.preferencesUrl(confirmed),
                            urls.lifetime(Purpose.PREFERENCES)));
                    return Outcome.CHECK_INBOX;
                }
                tx.updatePreferences(id, preferences, Optional.empty(), now);
                if (existing.get().state() != SubscriptionState.PENDING) {
                    tx.setState(id, SubscriptionState.PENDING, Optional.empty(), now);
                }
                if (own) {
                    tx.setMember(id, memberId, now);
                }
            }
            // A member's verified address needs no test, unless the mail server has refused it since.
            boolean bounced = existing.filter(s -> s.state() == SubscriptionState.DISABLED).isPresent();
            if (own && !bounced) {
                tx.confirm(id, settings.schedule().nextDue(preferences.cadence(), preferences.zone(), now), now);
                return Outcome.SUBSCRIBED;
            }
            Subscription pending = tx.find(id).orElseThrow();
            mailer.send(SubscriptionMail.confirm(pending, urls.confirmUrl(pending), urls.lifetime(Purpose.CONFIRM)));
            return Outcome.CHECK_INBOX;
        });
    }

    /**
     * Uses a confirm link: a valid one confirms a pending subscription (again, harmlessly, a confirmed one), and
     * its digests start at the next due time; a link for an address that has left or been refused since is not
     * valid any more.
     */
    public Result confirm(String token) {
        Result result = verify(Purpose.CONFIRM, token);
        if (result instanceof Result.Valid valid && !valid.subscription().isConfirmed()) {
            Subscription subscription = valid.subscription();
            Instant now = clock.instant();
            store.confirm(subscription.id(), settings.schedule().nextDue(subscription.cadence(),
                    subscription.zone(), now), now);
            return new Result.Valid(store.find(subscription.id()).orElseThrow());
        }
        return result;
    }

    /**
     * What a link of this purpose is, without using it: for the page a link opens (a scanner's GET changes
     * nothing). An unsubscribe link of ours stays valid past its expiry: leaving is never refused, and the link
     * can only stop mail to the address it was sent to (an old digest's List-Unsubscribe header keeps working).
     */
    public Result verify(Purpose purpose, String token) {
        Result result = links.verify(purpose, token, clock.instant(), store::find);
        if (purpose == Purpose.UNSUBSCRIBE && result instanceof Result.Expired expired) {
            return new Result.Valid(expired.subscription());
        }
        if (purpose == Purpose.CONFIRM && result instanceof Result.Valid valid
                && (valid.subscription().state() == SubscriptionState.UNSUBSCRIBED
                        || valid.subscription().state() == SubscriptionState.DISABLED)) {
            // Left or refused since the link was sent: an old link must not bring the address back.
            return new Result.Invalid();
        }
        return result;
    }

    /**
     * Saves new preferences through a preferences link; a confirmed subscription's next digest moves to where a
     * new cadence or zone puts it.
     */
    public Result updatePreferences(String token, Preferences preferences) {
        Result result = verify(Purpose.PREFERENCES, token);
        if (!(result instanceof Result.Valid valid)) {
            return result;
        }
        Subscription subscription = valid.subscription();
        if (subscription.memberId().isEmpty() && preferences.topics().contains(Topic.library())) {
            throw new SubscriptionException(SubscriptionException.Field.TOPICS, "\"More like my library\" is for"
                    + " members: subscribe with your account's address while signed in");
        }
        Instant now = clock.instant();
        boolean sameSchedule = preferences.cadence() == subscription.cadence()
                && preferences.zone().equals(subscription.zone());
        // New topics alone keep the due time: a digest due a minute ago and not yet composed still goes.
        Optional<Instant> nextDue = !subscription.isConfirmed() ? Optional.empty()
                : sameSchedule ? subscription.nextDueAt()
                : Optional.of(settings.schedule().nextDue(preferences.cadence(), preferences.zone(), now));
        store.updatePreferences(subscription.id(), preferences, nextDue, now);
        return new Result.Valid(store.find(subscription.id()).orElseThrow());
    }

    /** Uses an unsubscribe link (from a mail's header, footer, or the preferences page): no more digests. */
    public Result unsubscribe(String token) {
        Result result = verify(Purpose.UNSUBSCRIBE, token);
        if (result instanceof Result.Valid valid && valid.subscription().state() != SubscriptionState.UNSUBSCRIBED) {
            store.setState(valid.subscription().id(), SubscriptionState.UNSUBSCRIBED, Optional.empty(),
                    clock.instant());
            return new Result.Valid(store.find(valid.subscription().id()).orElseThrow());
        }
        return result;
    }

    /**
     * Mails a fresh link for a link of ours that expired (or still works): a confirmation for a confirm link (its
     * preferences once confirmed), else the preferences link. Only the subscription's own address gets it; a
     * token that is not ours mails nothing.
     */
    public void mailFreshLink(Purpose purpose, String token) {
        Result result = verify(purpose, token);
        Optional<Subscription> subscription = switch (result) {
            case Result.Valid valid -> Optional.of(valid.subscription());
            case Result.Expired expired -> Optional.of(expired.subscription());
            case Result.Invalid invalid -> Optional.empty();
        };
        subscription.ifPresent(s -> mailer.send(purpose == Purpose.CONFIRM && !s.isConfirmed()
                ? SubscriptionMail.confirm(s, urls.confirmUrl(s), urls.lifetime(Purpose.CONFIRM))
                : SubscriptionMail.links(s, urls.preferencesUrl(s), urls.lifetime(Purpose.PREFERENCES))));
    }

    /**
     * Mails the preferences link to this address when it has a subscription, in any state; an address without one
     * gets nothing, and the caller answers alike. Throws {@link SubscriptionException} only for an address that
     * mail cannot be sent to.
     */
    public void mailPreferencesLink(String email) {
        store.findByEmail(address(email)).ifPresent(s -> mailer.send(SubscriptionMail.links(s,
                urls.preferencesUrl(s), urls.lifetime(Purpose.PREFERENCES))));
    }

    /** The subscription of a member's account address, or the one they subscribed while signed in. */
    public Optional<Subscription> ofMember(Member member) {
        return store.findByEmail(member.email().value()).or(() -> store.findByMember(member.id()));
    }

    /**
     * The address as stored (account.Email's rule: trimmed, lower case) when the mail seam can send to it; else
     * {@link SubscriptionException} on the email field.
     */
    public static String address(String email) {
        try {
            String address = new Email(email).value();
            Message.plain(address, "address check", "");
            return address;
        } catch (AccountException | IllegalArgumentException e) {
            throw new SubscriptionException(SubscriptionException.Field.EMAIL, INVALID_EMAIL);
        }
    }
}
