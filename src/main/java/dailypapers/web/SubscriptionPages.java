package dailypapers.web;

import dailypapers.account.Member;
import dailypapers.digest.DigestLinks;
import dailypapers.digest.DigestSettings;
import dailypapers.digest.Preferences;
import dailypapers.digest.SignedLinks.Purpose;
import dailypapers.digest.SignedLinks.Result;
import dailypapers.digest.Subscription;
import dailypapers.digest.SubscriptionException;
import dailypapers.digest.SubscriptionService;
import dailypapers.digest.SubscriptionState;
import dailypapers.ratelimit.RateLimitedException;
import dailypapers.ratelimit.RateLimiter;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Email digest subscriptions: the subscribe form (in every page's header, and whole at {@code /subscribe}), the
 * pages the signed links in mails open (confirm, preferences, unsubscribe), and the answers to expired or foreign
 * links. A link's GET only shows a page; what changes anything is a POST, so a mail scanner that follows links
 * changes nothing. The one-click unsubscribe POST (RFC 8058) needs no form token: its signed token is the
 * authority. Subscribe and link requests are rate limited per client address and per email, and answer alike
 * whoever the address belongs to.
 */
final class SubscriptionPages {

    static final String SUBSCRIBE = "/subscribe";
    static final String SENT = "/subscribe/sent";
    static final String FRESH_LINK = "/digest/fresh-link";
    static final String PREFERENCES_LINK = "/digest/preferences-link";
    static final String MEMBER_DIGEST = "/settings/digest";

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);

    private final SubscriptionService subscriptions;
    private final DigestLinks urls;
    private final DigestSettings settings;
    private final RateLimiter limiter;
    private final Optional<Path> outboxDirectory;
    private final Views views;

    SubscriptionPages(SubscriptionService subscriptions, DigestLinks urls, DigestSettings settings,
            RateLimiter limiter, Optional<Path> outboxDirectory, Views views) {
        this.subscriptions = subscriptions;
        this.urls = urls;
        this.settings = settings;
        this.limiter = limiter;
        this.outboxDirectory = outboxDirectory;
        this.views = views;
    }

    // Subscribe

    void subscribePage(Context ctx) {
        String email = Visitor.of(ctx).member().map(m -> m.email().value()).orElse("");
        views.render(ctx, "digest/subscribe.jte", subscribeForm(ctx, DigestForm.empty(email), Map.of(), null));
    }

    void subscribe(Context ctx) {
        DigestForm form = DigestForm.of(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            SubscriptionService.address(form.value(DigestForm.EMAIL));
        } catch (SubscriptionException e) {
            errors.put(DigestForm.EMAIL, e.getMessage());
        }
        Optional<Preferences> preferences = form.preferences(errors);
        if (!errors.isEmpty()) {
            refuse(ctx, form, errors);
            return;
        }
        Optional<Member> member = Visitor.of(ctx).member();
        SubscriptionService.Outcome outcome;
        try {
            limitPerAddress(ctx);
            limitPerEmail(form.value(DigestForm.EMAIL));
            outcome = subscriptions.subscribe(form.value(DigestForm.EMAIL), preferences.orElseThrow(), member);
        } catch (SubscriptionException e) {
            refuse(ctx, form, Map.of(field(e), e.getMessage()));
            return;
        } catch (RateLimitedException e) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            ctx.header(Header.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            views.render(ctx, "digest/subscribe.jte", subscribeForm(ctx, form, Map.of(), e.getMessage()));
            return;
        }
        ctx.redirect(outcome == SubscriptionService.Outcome.SUBSCRIBED ? MEMBER_DIGEST : SENT,
                HttpStatus.SEE_OTHER);
    }

    private void refuse(Context ctx, DigestForm form, Map<String, String> errors) {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        views.render(ctx, "digest/subscribe.jte", subscribeForm(ctx, form, errors, null));
    }

    private DigestFormView subscribeForm(Context ctx, DigestForm form, Map<String, String> errors, String message) {
        return new DigestFormView(PageFrame.plain("Subscribe to email digests — Daily Papers"), form, errors,
                Visitor.of(ctx).isSignedIn(), SUBSCRIBE, null, null, message);
    }

    /** The answer to every subscribe and link request that mails something: the same whoever the address is. */
    void sent(Context ctx) {
        views.render(ctx, "account/notice.jte", new AccountNoticeView(
                PageFrame.plain("Check your inbox — Daily Papers"), "Check your inbox",
                "If that address can get digests, we sent it a mail. To start a subscription, open the link in it"
                        + " within " + hours(settings.confirmLink().toHours()) + "; nothing is sent to you until"
                        + " then. No mail? Look in your spam folder, or subscribe again for a fresh link.",
                outboxDirectory.map(Path::toString).orElse(null)));
    }

    /** A member's way to their digest preferences: a link signed on the spot, or the subscribe form. */
    void memberDigest(Context ctx) {
        Member member = Visitor.of(ctx).requireMember();
        Optional<Subscription> subscription = subscriptions.ofMember(member);
        ctx.redirect(subscription.map(s -> urls.relative(Purpose.PREFERENCES, s)).orElse(SUBSCRIBE),
                HttpStatus.SEE_OTHER);
    }

    // Confirm

    void confirmPage(Context ctx) {
        Result result = subscriptions.verify(Purpose.CONFIRM, token(ctx));
        if (result instanceof Result.Valid valid && !valid.subscription().isConfirmed()) {
            render(ctx, DigestLinkView.Kind.BUTTON, "Confirm your subscription",
                    "Confirm that " + valid.subscription().email() + " should get Daily Papers digests "
                            + valid.subscription().cadence().describe() + ".", action(ctx), "Confirm my subscription", null,
                    null);
            return;
        }
        answer(ctx, Purpose.CONFIRM, result);
    }

    void confirm(Context ctx) {
        answer(ctx, Purpose.CONFIRM, subscriptions.confirm(token(ctx)));
    }

    // Preferences

    void preferencesPage(Context ctx) {
        Result result = subscriptions.verify(Purpose.PREFERENCES, token(ctx));
        if (result instanceof Result.Valid valid) {
            views.render(ctx, "digest/preferences.jte", preferencesForm(ctx, valid.subscription(),
                    DigestForm.of(valid.subscription()), Map.of(), notice(ctx)));
            return;
        }
        answer(ctx, Purpose.PREFERENCES, result);
    }

    void savePreferences(Context ctx) {
        DigestForm form = DigestForm.of(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Preferences> preferences = form.preferences(errors);
        Result result = subscriptions.verify(Purpose.PREFERENCES, token(ctx));
        if (result instanceof Result.Valid valid && !errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            views.render(ctx, "digest/preferences.jte", preferencesForm(ctx, valid.subscription(), form, errors,
                    null));
            return;
        }
        if (result instanceof Result.Valid valid) {
            try {
                result = subscriptions.updatePreferences(token(ctx), preferences.orElseThrow());
            } catch (SubscriptionException e) {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
                views.render(ctx, "digest/preferences.jte", preferencesForm(ctx, valid.subscription(), form,
                        Map.of(field(e), e.getMessage()), null));
                return;
            }
        }
        if (result instanceof Result.Valid) {
            ctx.redirect(action(ctx) + "&saved=1", HttpStatus.SEE_OTHER);
            return;
        }
        answer(ctx, Purpose.PREFERENCES, result);
    }

    private DigestFormView preferencesForm(Context ctx, Subscription subscription, DigestForm form,
            Map<String, String> errors, String message) {
        return new DigestFormView(PageFrame.plain("Your digest preferences — Daily Papers"), form, errors,
                subscription.memberId().isPresent(), action(ctx), urls.relative(Purpose.UNSUBSCRIBE, subscription),
                status(subscription), message);
    }

    private static String notice(Context ctx) {
        return Params.optional(ctx, "saved").isPresent() ? "Your preferences are saved." : null;
    }

    // Unsubscribe

    void unsubscribePage(Context ctx) {
        Result result = subscriptions.verify(Purpose.UNSUBSCRIBE, token(ctx));
        if (result instanceof Result.Valid valid
                && valid.subscription().state() != SubscriptionState.UNSUBSCRIBED) {
            render(ctx, DigestLinkView.Kind.BUTTON, "Unsubscribe",
                    "Stop sending Daily Papers digests to " + valid.subscription().email() + "?", action(ctx),
                    "Unsubscribe", null, null);
            return;
        }
        answer(ctx, Purpose.UNSUBSCRIBE, result);
    }

    /** The one-click POST too (RFC 8058): no cookie, no form token; the answer is a short page either way. */
    void unsubscribe(Context ctx) {
        answer(ctx, Purpose.UNSUBSCRIBE, subscriptions.unsubscribe(token(ctx)));
    }

    // Expired and foreign links

    /** Mails a fresh link for an expired one; answers alike whatever the token turned out to be. */
    void freshLink(Context ctx) {
        Optional<Purpose> purpose = Params.optional(ctx, "purpose").flatMap(SubscriptionPages::purpose);
        if (purpose.isEmpty()) {
            throw HttpError.badParameter("purpose", "Ask for a fresh confirm or preferences link.");
        }
        limitPerAddress(ctx);
        subscriptions.mailFreshLink(purpose.get(), token(ctx));
        ctx.redirect(SENT, HttpStatus.SEE_OTHER);
    }

    /** Mails the preferences link to an address that has a subscription; answers alike for any address. */
    void preferencesLink(Context ctx) {
        DigestForm form = DigestForm.of(ctx);
        String email = form.value(DigestForm.EMAIL);
        try {
            SubscriptionService.address(email);
        } catch (SubscriptionException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            views.render(ctx, "digest/link.jte", invalid(e.getMessage(), email));
            return;
        }
        limitPerAddress(ctx);
        limitPerEmail(email);
        subscriptions.mailPreferencesLink(email);
        ctx.redirect(SENT, HttpStatus.SEE_OTHER);
    }

    // Shared

    /** The page for what a link turned out to be, once nothing more is to be asked. */
    private void answer(Context ctx, Purpose purpose, Result result) {
        switch (result) {
            case Result.Valid valid -> done(ctx, valid.subscription());
            case Result.Expired expired -> {
                ctx.status(HttpStatus.GONE);
                render(ctx, DigestLinkView.Kind.EXPIRED, "This link has expired",
                        "Links in our mails work for a while only: " + (purpose == Purpose.CONFIRM
                                ? "a confirmation link for " + hours(settings.confirmLink().toHours())
                                : "a preferences link for " + settings.preferencesLink().toDays() + " days")
                                + ". We can mail a fresh one to the address this one was sent to.",
                        FRESH_LINK + "?purpose=" + (purpose == Purpose.CONFIRM ? "confirm" : "preferences")
                                + "&token=" + token(ctx), "Email me a fresh link", null, null);
            }
            case Result.Invalid invalid -> {
                ctx.status(HttpStatus.BAD_REQUEST);
                views.render(ctx, "digest/link.jte", invalid(null, ""));
            }
        }
    }

    private void done(Context ctx, Subscription subscription) {
        String preferences = urls.relative(Purpose.PREFERENCES, subscription);
        switch (subscription.state()) {
            case CONFIRMED -> render(ctx, DigestLinkView.Kind.NOTICE, "You are subscribed",
                    subscription.email() + " gets Daily Papers digests " + subscription.cadence().describe() + "."
                            + subscription.nextDueAt().map(due -> " The first is due on "
                            + DUE.format(due.atZone(subscription.zone())) + " (" + subscription.zone().getId()
                            + ").").orElse(""),
                    null, null, preferences, "Change your topics or time zone");
            case UNSUBSCRIBED -> render(ctx, DigestLinkView.Kind.NOTICE, "You are unsubscribed",
                    "We will send no more digests to " + subscription.email() + ". Changed your mind? Subscribe"
                            + " again at any time.", null, null, SUBSCRIBE, "Subscribe again");
            case PENDING, DISABLED -> render(ctx, DigestLinkView.Kind.NOTICE, "Not subscribed",
                    status(subscription), null, null, SUBSCRIBE, "Subscribe");
        }
    }

    private DigestLinkView invalid(String error, String email) {
        return new DigestLinkView(PageFrame.plain("This link is not valid — Daily Papers"),
                DigestLinkView.Kind.INVALID, "This link is not valid",
                "It is not a link from our mails, or it was changed on the way, or the address it was sent to is no"
                        + " longer subscribed. Subscribe below, or have the link to your preferences mailed to you.",
                PREFERENCES_LINK, null, null, null, email, error);
    }

    private void render(Context ctx, DigestLinkView.Kind kind, String heading, String text, String action,
            String button, String href, String linkText) {
        views.render(ctx, "digest/link.jte", new DigestLinkView(PageFrame.plain(heading + " — Daily Papers"), kind,
                heading, text, action, button, href, linkText, "", null));
    }

    private String status(Subscription subscription) {
        return switch (subscription.state()) {
            case CONFIRMED -> "Subscribed: digests come " + subscription.cadence().describe() + ", at "
                    + String.format(Locale.ROOT, "%02d:00", settings.schedule().hour()) + " in your time zone.";
            case PENDING -> "Waiting for confirmation: open the link in the confirmation mail we sent to "
                    + subscription.email() + ", or subscribe again for a fresh one.";
            case UNSUBSCRIBED -> "Unsubscribed: no digests are sent to " + subscription.email()
                    + ". Subscribe again to start them.";
            case DISABLED -> "Stopped: the mail server refused " + subscription.email()
                    + subscription.stateReason().map(r -> " (" + r + ")").orElse("")
                    + ". Subscribe again once the address works.";
        };
    }

    private static Optional<Purpose> purpose(String key) {
        return switch (key) {
            case "confirm" -> Optional.of(Purpose.CONFIRM);
            case "preferences" -> Optional.of(Purpose.PREFERENCES);
            default -> Optional.empty();
        };
    }

    private static String field(SubscriptionException e) {
        return switch (e.field()) {
            case EMAIL -> DigestForm.EMAIL;
            case TOPICS -> DigestForm.TOPICS;
        };
    }

    /** The request's own path with its token, for a form that posts back to it. */
    private static String action(Context ctx) {
        return ctx.path() + "?token=" + token(ctx);
    }

    private static String token(Context ctx) {
        return Params.optional(ctx, "token").orElse("");
    }

    private static String hours(long hours) {
        return hours + (hours == 1 ? " hour" : " hours");
    }

    private void limitPerAddress(Context ctx) {
        DigestSettings.Limits limits = settings.subscribeLimits();
        limiter.check("subscribe:ip:" + RequestOrigin.clientIp(ctx), limits.perAddress(), limits.window());
    }

    private void limitPerEmail(String email) {
        DigestSettings.Limits limits = settings.subscribeLimits();
        limiter.check("subscribe:email:" + AccountPages.addressKey(email), limits.perEmail(), limits.window());
    }
}
