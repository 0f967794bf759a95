package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestData;
import dailypapers.TestDatabase;
import dailypapers.TestHttp;
import dailypapers.TestMember;
import dailypapers.account.Role;
import dailypapers.digest.Cadence;
import dailypapers.digest.DigestLinks;
import dailypapers.digest.Preferences;
import dailypapers.digest.SignedLinks.Purpose;
import dailypapers.digest.Subscription;
import dailypapers.digest.SubscriptionState;
import dailypapers.digest.SubscriptionStore;
import dailypapers.digest.Topic;
import dailypapers.store.Database;
import dailypapers.store.DatabaseConfig;
import dailypapers.store.JdbiSubscriptionStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Subscribing, confirming, preferences and unsubscribing over HTTP, on one database kind per subclass, with mail
 * read from GreenMail (a real SMTP server in process). One app serves the class; each test uses addresses of its
 * own, and each browser a client address of its own (through a trusted proxy), so the per-address limit counts
 * one test's requests only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SubscriptionPagesContract {

    private static final String SITE = "https://papers.example.org";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(SITE)
            + "(/digest/(confirm|preferences|unsubscribe)\\?token=[0-9]+\\.[0-9]+\\.[A-Za-z0-9_-]{43})");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TestDatabase kind;
    private final AtomicInteger counter = new AtomicInteger();
    private DatabaseConfig database;
    private GreenMail smtp;
    private TestApp app;
    /** A pool of the test's own on the app's database, to read and arrange subscriptions. */
    private Database pool;
    private SubscriptionStore store;

    protected SubscriptionPagesContract(TestDatabase kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() throws IOException {
        database = kind.open();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path dir = Files.createTempDirectory("dailypapers-digest-pages");
        Map<String, String> flags = new HashMap<>(Map.of("data.dir", dir.toString(), "database.url", database.url(),
                "http.host", "127.0.0.1", "http.port", "0", "harvest.enabled", "false", "thumbnail.enabled", "false",
                "mail.smtp.host", "127.0.0.1", "mail.smtp.port", Integer.toString(smtp.getSmtp().getPort()),
                "mail.smtp.security", "none", "http.base.url", SITE));
        flags.putAll(Map.of("digest.enabled", "false", "http.trusted.proxies", "127.0.0.1",
                "digest.limit.subscribe.ip", "20", "digest.limit.subscribe.email", "3"));
        if (database.user() != null) {
            flags.put("database.user", database.user());
            flags.put("database.password", database.password() == null ? "" : database.password());
        }
        app = TestApp.start(Config.load(null, Map.of(), flags));
        app.importFile(TestData.sample());
        pool = Database.open(database, new SimpleMeterRegistry());
        store = new JdbiSubscriptionStore(pool);
    }

    @AfterAll
    void stop() {
        if (pool != null) {
            pool.close();
        }
        if (app != null) {
            app.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (database != null) {
            kind.drop(database);
        }
    }

    // The double opt-in

    @Test
    void aVisitorSubscribesFromTheHeaderConfirmsByPostAndIsSubscribedInTheirZone() throws Exception {
        String email = email("ada");
        TestBrowser browser = browser();
        assertThat(browser.get("/").body()).contains("<form class=\"subscribe\" method=\"post\" action=\"/subscribe\"")
                .doesNotContain("name=\"csrf\"");

        HttpResponse<String> subscribed = browser.post("/subscribe", Map.of("email", email.toUpperCase(), "zone",
                "Europe/Paris"));

        assertThat(subscribed.statusCode()).isEqualTo(303);
        assertThat(subscribed.headers().firstValue("Location")).hasValue(SubscriptionPages.SENT);
        assertThat(browser.get(SubscriptionPages.SENT).body()).contains("Check your inbox", "48 hours");
        assertThat(subscription(email).state()).isEqualTo(SubscriptionState.PENDING);
        MimeMessage mail = onlyMail(email);
        assertThat(mail.getSubject()).isEqualTo("Confirm your Daily Papers digest");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        assertThat(part(mail, "text/html")).contains("Confirm my subscription").doesNotContain("<script");
        String link = link(part(mail, "text/plain"), "confirm");
        assertThat(part(mail, "text/plain")).contains("The link works for 48 hours.");

        HttpResponse<String> page = browser.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Confirm my subscription", "method=\"post\"");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(subscription(email).state()).as("a scanner's GET").isEqualTo(SubscriptionState.PENDING);

        HttpResponse<String> confirmed = browser.post(link, Map.of());

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("You are subscribed", "/digest/preferences?token=");
        Subscription subscription = subscription(email);
        assertThat(subscription.state()).isEqualTo(SubscriptionState.CONFIRMED);
        assertThat(subscription.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(subscription.cadence()).isEqualTo(Cadence.DAILY);
        assertThat(subscription.nextDueAt()).hasValue(app.app().digests().settings().schedule()
                .nextDue(Cadence.DAILY, ZoneId.of("Europe/Paris"), TestApp.FIXED_CLOCK.instant()));
        assertThat(browser.post(link, Map.of()).body()).as("confirming twice").contains("You are subscribed");
    }

    @Test
    void withoutScriptTheHeaderFormSubscribesInUtc() {
        String email = email("utc");
        browser().post("/subscribe", Map.of("email", email));
        assertThat(subscription(email).zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(subscription(email).topics()).isEmpty();
    }

    @Test
    void everySubscribeAnswersAlikeAndOnlyTheMailDiffers() {
        String fresh = email("fresh");
        String pending = pending("pending");
        String confirmed = confirmed("confirmed");
        String unsubscribed = confirmed("left");
        store().setState(subscription(unsubscribed).id(), SubscriptionState.UNSUBSCRIBED, Optional.empty(), now());
        String disabled = confirmed("bounced");
        store().setState(subscription(disabled).id(), SubscriptionState.DISABLED, Optional.of("550 no such user"),
                now());
        clearMail();

        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        for (String email : List.of(fresh, pending, confirmed, unsubscribed, disabled)) {
            answers.put(email, browser().submit("/subscribe", "/subscribe", Map.of("email", email, "cadence", "weekly",
                    "zone", "Asia/Tokyo", "categories", "cs.CL")));
        }

        assertThat(answers.values()).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).hasValue(SubscriptionPages.SENT);
            assertThat(answer.body()).isEqualTo(answers.get(fresh).body());
        });
        for (String email : List.of(fresh, pending, unsubscribed, disabled)) {
            assertThat(subjects(email)).as(email).containsExactly("Confirm your Daily Papers digest");
            Subscription now = subscription(email);
            assertThat(now.state()).as(email).isEqualTo(SubscriptionState.PENDING);
            assertThat(now.cadence()).as("the new preferences").isEqualTo(Cadence.WEEKLY);
            assertThat(now.topics()).containsExactly(Topic.category("cs.CL"));
        }
        assertThat(subjects(confirmed)).containsExactly("You are already subscribed to Daily Papers digests");
        assertThat(links(confirmed)).singleElement().asString().startsWith("/digest/preferences?token=");
        assertThat(subscription(confirmed).state()).isEqualTo(SubscriptionState.CONFIRMED);
        assertThat(subscription(confirmed).cadence()).as("unchanged").isEqualTo(Cadence.DAILY);
    }

    @Test
    void anUnsubscribedAddressConfirmsAgainFromItsNewMail() {
        String email = confirmed("again");
        store().setState(subscription(email).id(), SubscriptionState.UNSUBSCRIBED, Optional.empty(), now());
        clearMail();
        TestBrowser browser = browser();
        browser.post("/subscribe", Map.of("email", email));
        String link = links(email).get(0);
        browser.get(link);

        assertThat(browser.post(link, Map.of()).statusCode()).isEqualTo(200);
        assertThat(subscription(email).state()).isEqualTo(SubscriptionState.CONFIRMED);
    }

    @Test
    void anOldConfirmLinkCannotBringBackAnAddressThatLeft() {
        String email = pending("left");
        String link = links(email).get(0);
        store().setState(subscription(email).id(), SubscriptionState.UNSUBSCRIBED, Optional.empty(), now());
        TestBrowser browser = browser();

        assertThat(browser.get(link).body()).contains("This link is not valid").doesNotContain("Confirm my");
        assertThat(browser.post(link, Map.of()).statusCode()).isEqualTo(400);
        assertThat(subscription(email).state()).isEqualTo(SubscriptionState.UNSUBSCRIBED);
    }

    // Members

    @Test
    void aMemberSubscribingTheirOwnAddressIsConfirmedAtOnceLinkedAndMayFollowTheirLibrary() {
        TestMember member = app.member(Role.MEMBER);
        String email = member.member().email().value();
        assertThat(member.get("/subscribe").body()).contains("value=\"" + email + "\"", "name=\"library\"");
        clearMail();

        HttpResponse<String> subscribed = member.postForm("/subscribe", Map.of("email", email, "zone", "UTC",
                "library", "on"));

        assertThat(subscribed.statusCode()).isEqualTo(303);
        assertThat(subscribed.headers().firstValue("Location")).hasValue(SubscriptionPages.MEMBER_DIGEST);
        Subscription subscription = subscription(email);
        assertThat(subscription.state()).isEqualTo(SubscriptionState.CONFIRMED);
        assertThat(subscription.memberId()).hasValue(member.member().id());
        assertThat(subscription.topics()).containsExactly(Topic.library());
        assertThat(subjects(email)).as("a verified address needs no mail").isEmpty();
        HttpResponse<String> toPreferences = member.get(SubscriptionPages.MEMBER_DIGEST);
        assertThat(toPreferences.statusCode()).isEqualTo(303);
        String preferences = toPreferences.headers().firstValue("Location").orElseThrow();
        assertThat(preferences).startsWith("/digest/preferences?token=");
        assertThat(member.get(preferences).body()).contains("Your digest preferences", "name=\"library\" value=\"on\""
                + " checked");
        assertThat(member.get("/settings").body()).contains("Email digest", "href=\"/settings/digest\"");
    }

    @Test
    void aMembersOwnAddressThatTheMailServerRefusedIsTestedAgainByMail() {
        TestMember member = app.member(Role.MEMBER);
        String email = member.member().email().value();
        member.postForm("/subscribe", Map.of("email", email));
        store().setState(subscription(email).id(), SubscriptionState.DISABLED, Optional.of("550 mailbox unknown"),
                now());

        assertThat(member.postForm("/subscribe", Map.of("email", email)).headers().firstValue("Location"))
                .hasValue(SubscriptionPages.SENT);

        assertThat(subscription(email).state()).isEqualTo(SubscriptionState.PENDING);
        assertThat(subjects(email)).containsExactly("Confirm your Daily Papers digest");
    }

    @Test
    void aMemberWithoutASubscriptionIsOfferedTheFormWithTheirAddress() {
        TestMember member = app.member(Role.MEMBER);
        HttpResponse<String> response = member.get(SubscriptionPages.MEMBER_DIGEST);
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue(SubscriptionPages.SUBSCRIBE);
    }

    @Test
    void aMemberSubscribingAnotherAddressGetsTheDoubleOptInAndNoLibrary() {
        TestMember member = app.member(Role.MEMBER);
        String other = email("other");

        HttpResponse<String> withLibrary = member.postForm("/subscribe", Map.of("email", other, "library", "on"));
        assertThat(withLibrary.statusCode()).isEqualTo(422);
        assertThat(withLibrary.body()).contains("id=\"field-topics-error\"", "More like my library");
        assertThat(store().findByEmail(other)).isEmpty();

        assertThat(member.postForm("/subscribe", Map.of("email", other)).statusCode()).isEqualTo(303);
        assertThat(subscription(other).state()).isEqualTo(SubscriptionState.PENDING);
        assertThat(subscription(other).memberId()).isEmpty();
        assertThat(subjects(other)).containsExactly("Confirm your Daily Papers digest");
    }

    @Test
    void aSignedInMembersPostStillNeedsTheFormToken() {
        TestMember member = app.member(Role.MEMBER);
        String email = member.member().email().value();

        HttpResponse<String> refused = member.postFormWithoutToken("/subscribe", Map.of("email", email));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(store().findByEmail(email)).isEmpty();
        assertThat(member.get("/").body()).as("the header form carries it").contains("action=\"/subscribe\"",
                "name=\"csrf\" value=\"" + member.csrfToken() + "\"");
    }

    @Test
    void deletingAnAccountDeletesItsSubscription() {
        TestMember member = app.member(Role.MEMBER);
        String email = member.member().email().value();
        member.postForm("/subscribe", Map.of("email", email, "categories", "cs.LG"));
        long id = subscription(email).id();

        assertThat(member.postForm("/settings/delete", Map.of("deletePassword", member.password())).statusCode())
                .isEqualTo(200);

        assertThat(store().find(id)).isEmpty();
        assertThat(store().findByEmail(email)).isEmpty();
    }

    // Cross-site request forgery and one-click unsubscribe

    @Test
    void oneClickUnsubscribeWorksWithoutCookieOrFormToken() throws Exception {
        String email = confirmed("oneclick");
        String unsubscribe = app.app().digests().urls().relative(Purpose.UNSUBSCRIBE, subscription(email));

        // As RFC 8058 has mail providers post it: the exact URL, this body, no cookie, no token.
        HttpResponse<String> response = TestHttp.send(HTTP, HttpRequest.newBuilder(URI.create(app.baseUrl()
                        + unsubscribe)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("You are unsubscribed");
        assertThat(subscription(email).state()).isEqualTo(SubscriptionState.UNSUBSCRIBED);
        assertThat(subscription(email).nextDueAt()).isEmpty();
    }

    @Test
    void onlyTheSubscribeFormAndOneClickUnsubscribeAreExemptFromTheFormToken() {
        assertThat(app.web().routes().stream().filter(r -> r.csrfExemption().isPresent())
                .map(r -> r.method() + " " + r.path() + " " + r.csrfExemption().get()))
                .containsExactlyInAnyOrder("POST /subscribe ANONYMOUS_SAME_SITE",
                        "POST /digest/unsubscribe SIGNED_LINK");
    }

    @Test
    void otherDigestPostsWithoutTheFormTokenAreRefusedAndChangeNothing() {
        String email = pending("forged");
        Subscription subscription = subscription(email);
        String confirm = app.app().digests().urls().relative(Purpose.CONFIRM, subscription);
        String preferences = app.app().digests().urls().relative(Purpose.PREFERENCES, subscription);

        assertThat(post(confirm, Map.of(), Map.of()).statusCode()).isEqualTo(403);
        assertThat(post(preferences, Map.of("cadence", "weekly"), Map.of()).statusCode()).isEqualTo(403);
        assertThat(post(SubscriptionPages.PREFERENCES_LINK, Map.of("email", email), Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(post("/sign-up", Map.of("email", email("x")), Map.of()).statusCode()).isEqualTo(403);
        assertThat(subscription(email).state()).isEqualTo(SubscriptionState.PENDING);
        assertThat(subscription(email).cadence()).isEqualTo(Cadence.DAILY);
    }

    @Test
    void aSubscribePostedFromAnotherSiteIsRefused() {
        String email = email("crosssite");
        HttpResponse<String> response = post("/subscribe", Map.of("email", email),
                Map.of("Sec-Fetch-Site", "cross-site"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(store().findByEmail(email)).isEmpty();
    }

    @Test
    void aGetOfTheUnsubscribeLinkOnlyShowsAButton() {
        String email = confirmed("scanner");
        String link = app.app().digests().urls().relative(Purpose.UNSUBSCRIBE, subscription(email));
        HttpResponse<String> page = browser().get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Stop sending Daily Papers digests to " + email, ">Unsubscribe</button>");
        assertThat(subscription(email).state()).isEqualTo(SubscriptionState.CONFIRMED);
    }

    // Preferences

    @Test
    void preferencesPersistAndTheNextDigestMovesWithTheZone() {
        String email = confirmed("prefs");
        TestBrowser browser = browser();
        String link = app.app().digests().urls().relative(Purpose.PREFERENCES, subscription(email));
        assertThat(browser.get(link).body()).contains("Your digest preferences", "value=\"UTC\"",
                "/digest/unsubscribe?token=");

        HttpResponse<String> saved = browser.post(link, Map.of("cadence", "weekly", "zone", "America/New_York",
                "categories", "cs.CL, cs.LG\ncs.CL", "authors", "Ada Lovelace\n\nAlan Turing", "queries",
                "early exit, layer-wise"));

        assertThat(saved.statusCode()).isEqualTo(303);
        String next = saved.headers().firstValue("Location").orElseThrow();
        assertThat(next).startsWith(link).endsWith("&saved=1");
        assertThat(browser.get(next).body()).contains("Your preferences are saved.", "value=\"America/New_York\"",
                "value=\"cs.CL, cs.LG\"", "Ada Lovelace\nAlan Turing</textarea>");
        Subscription subscription = subscription(email);
        assertThat(subscription.cadence()).isEqualTo(Cadence.WEEKLY);
        assertThat(subscription.topics()).containsExactly(Topic.category("cs.CL"), Topic.category("cs.LG"),
                Topic.author("Ada Lovelace"), Topic.author("Alan Turing"), Topic.query("early exit, layer-wise"));
        assertThat(subscription.nextDueAt()).hasValue(app.app().digests().settings().schedule()
                .nextDue(Cadence.WEEKLY, ZoneId.of("America/New_York"), now()));
    }

    @Test
    void refusedPreferencesComeBackWithWhatWasTypedAndAMessageAtEachField() {
        String email = confirmed("badprefs");
        TestBrowser browser = browser();
        String link = app.app().digests().urls().relative(Purpose.PREFERENCES, subscription(email));
        browser.get(link);

        HttpResponse<String> refused = browser.post(link, Map.of("cadence", "hourly", "zone", "Mars/Olympus",
                "categories", "cs.CL, not a category!", "authors", "x".repeat(251), "queries", "<b>kept</b>",
                "library", "on"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"field-cadence-error\"", "id=\"field-zone-error\"",
                "value=\"Mars/Olympus\"", "id=\"field-categories-error\"", "not a category!",
                "id=\"field-authors-error\"", "&lt;b&gt;kept&lt;/b&gt;</textarea>", "Nothing was saved")
                .doesNotContain("<b>kept");
        assertThat(subscription(email).cadence()).isEqualTo(Cadence.DAILY);

        String many = IntStream.range(0, 21).mapToObj(i -> "author " + i).collect(Collectors.joining("\n"));
        HttpResponse<String> tooMany = browser.post(link, Map.of("authors", many));
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(tooMany.body()).contains("id=\"field-topics-error\"", "at most 20 topics", "author 20");

        HttpResponse<String> library = browser.post(link, Map.of("library", "on"));
        assertThat(library.statusCode()).as("not a member's").isEqualTo(422);
        assertThat(library.body()).contains("id=\"field-topics-error\"");
        assertThat(subscription(email).topics()).isEmpty();
    }

    @Test
    void subscribeErrorsComeBackNextToTheirFieldsWithWhatWasTyped() {
        TestBrowser browser = browser();
        HttpResponse<String> refused = browser.submit("/subscribe", "/subscribe", Map.of("email", "not an address",
                "zone", "Nowhere/Special", "categories", "cs.CL, ???", "authors", "Grace Hopper"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"field-email-error\"", "value=\"not an address\"",
                "id=\"field-zone-error\"", "value=\"Nowhere/Special\"", "id=\"field-categories-error\"",
                "Grace Hopper</textarea>");
        assertThat(store().findByEmail("not an address")).isEmpty();
    }

    // Expired and foreign links

    @Test
    void anExpiredConfirmLinkSaysSoAndMailsAFreshOne() {
        String email = pending("expired");
        String expired = expired(Purpose.CONFIRM, subscription(email));
        TestBrowser browser = browser();

        HttpResponse<String> page = browser.get(expired);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("This link has expired", "Email me a fresh link",
                "action=\"/digest/fresh-link?purpose=confirm&amp;token=");
        assertThat(browser.post(expired, Map.of()).statusCode()).isEqualTo(410);
        assertThat(subscription(email).state()).isEqualTo(SubscriptionState.PENDING);
        clearMail();

        HttpResponse<String> fresh = browser.post(SubscriptionPages.FRESH_LINK + "?purpose=confirm&token="
                + token(expired), Map.of());

        assertThat(fresh.statusCode()).isEqualTo(303);
        assertThat(fresh.headers().firstValue("Location")).hasValue(SubscriptionPages.SENT);
        String link = links(email).get(0);
        assertThat(link).startsWith("/digest/confirm?token=");
        browser.get(link);
        assertThat(browser.post(link, Map.of()).statusCode()).isEqualTo(200);
        assertThat(subscription(email).state()).isEqualTo(SubscriptionState.CONFIRMED);
        clearMail();
        browser.post(SubscriptionPages.FRESH_LINK + "?purpose=confirm&token=" + token(expired), Map.of());
        assertThat(subjects(email)).as("confirmed since: its preferences instead")
                .containsExactly("Your Daily Papers digest links");
    }

    @Test
    void anExpiredPreferencesLinkSaysSoAndMailsAFreshOne() {
        String email = confirmed("expiredprefs");
        String expired = expired(Purpose.PREFERENCES, subscription(email));
        TestBrowser browser = browser();

        assertThat(browser.get(expired).statusCode()).isEqualTo(410);
        assertThat(browser.post(expired, Map.of("cadence", "weekly")).statusCode()).isEqualTo(410);
        assertThat(subscription(email).cadence()).isEqualTo(Cadence.DAILY);
        clearMail();
        browser.post(SubscriptionPages.FRESH_LINK + "?purpose=preferences&token=" + token(expired), Map.of());

        assertThat(subjects(email)).containsExactly("Your Daily Papers digest links");
        assertThat(browser.get(links(email).get(0)).statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredUnsubscribeLinkStillUnsubscribes() {
        String email = confirmed("expiredleave");
        String expired = expired(Purpose.UNSUBSCRIBE, subscription(email));

        HttpResponse<String> response = post(expired, Map.of("List-Unsubscribe", "One-Click"), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(subscription(email).state()).isEqualTo(SubscriptionState.UNSUBSCRIBED);
    }

    @Test
    void aTamperedOrForeignLinkIsNotValidAndOffersTheFormsInstead() {
        String email = confirmed("tampered");
        Subscription subscription = subscription(email);
        TestBrowser browser = browser();
        for (Purpose purpose : Purpose.values()) {
            String good = app.app().digests().urls().relative(purpose, subscription);
            String path = good.substring(0, good.indexOf('?'));
            Purpose other = purpose == Purpose.CONFIRM ? Purpose.PREFERENCES : Purpose.CONFIRM;
            String otherToken = token(app.app().digests().urls().relative(other, subscription));
            String last = good.substring(good.length() - 1);
            for (String bad : List.of(good.substring(0, good.length() - 1) + (last.equals("A") ? "B" : "A"),
                    path + "?token=" + otherToken, path + "?token=nonsense", path,
                    path + "?token=999999." + token(good).substring(token(good).indexOf('.') + 1))) {
                HttpResponse<String> page = browser.get(bad);
                assertThat(page.statusCode()).as(bad).isEqualTo(400);
                assertThat(page.body()).as(bad).contains("This link is not valid", "action=\"/subscribe\"",
                        "action=\"/digest/preferences-link\"");
                assertThat(browser.post(bad, Map.of("cadence", "weekly")).statusCode()).as(bad).isEqualTo(400);
            }
        }
        assertThat(subscription(email).state()).isEqualTo(SubscriptionState.CONFIRMED);
        assertThat(subscription(email).cadence()).isEqualTo(Cadence.DAILY);
        assertThat(browser.post(SubscriptionPages.FRESH_LINK + "?purpose=confirm&token=nonsense", Map.of())
                .statusCode()).as("answers alike").isEqualTo(303);
        assertThat(browser.post(SubscriptionPages.FRESH_LINK + "?purpose=other&token=x", Map.of()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void askingForThePreferencesLinkAnswersAlikeAndMailsOnlyASubscriber() {
        String subscribed = confirmed("asks");
        String stranger = email("stranger");
        clearMail();
        TestBrowser browser = browser();

        HttpResponse<String> known = browser.submit("/subscribe", SubscriptionPages.PREFERENCES_LINK,
                Map.of("email", subscribed));
        HttpResponse<String> unknown = browser.submit("/subscribe", SubscriptionPages.PREFERENCES_LINK,
                Map.of("email", stranger));

        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(303);
        assertThat(known.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"));
        assertThat(subjects(subscribed)).containsExactly("Your Daily Papers digest links");
        assertThat(subjects(stranger)).isEmpty();
        HttpResponse<String> bad = browser.submit("/subscribe", SubscriptionPages.PREFERENCES_LINK,
                Map.of("email", "nope"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"field-email-error\"", "value=\"nope\"");
    }

    // Limits

    @Test
    void oneAddressIsMailedAtMostThreeTimesAnHour() {
        String email = email("limited");
        List<Integer> statuses = IntStream.range(0, 4).mapToObj(i -> browser().post("/subscribe",
                Map.of("email", email)).statusCode()).toList();
        assertThat(statuses).containsExactly(303, 303, 303, 429);
        assertThat(subjects(email)).hasSize(3);
    }

    @Test
    void oneClientIsLimitedToTwentySubscribesAnHourWithAPageThatKeepsTheForm() {
        TestBrowser browser = browser();
        for (int i = 0; i < 20; i++) {
            assertThat(browser.post("/subscribe", Map.of("email", email("many" + i))).statusCode()).isEqualTo(303);
        }
        String last = email("many-last");
        HttpResponse<String> limited = browser.post("/subscribe", Map.of("email", last, "categories", "cs.AI"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("Too many attempts", "value=\"" + last + "\"", "value=\"cs.AI\"");
        assertThat(store().findByEmail(last)).isEmpty();
    }

    // The header form

    @Test
    void everyPageHeaderHasTheSubscribeForm() {
        String paper = firstPaperPath();
        for (String page : List.of("/", paper, "/search?q=attention", "/no-such-page", "/about")) {
            HttpResponse<String> response = app.get(page);
            assertThat(response.body()).as(page).contains(
                    "<form class=\"subscribe\" method=\"post\" action=\"/subscribe\"",
                    "<label class=\"subscribe-pitch\" for=\"subscribe-email\">",
                    "<input id=\"subscribe-email\" name=\"email\" type=\"email\"",
                    "<input type=\"hidden\" name=\"zone\" value=\"UTC\" data-time-zone>",
                    "<script src=\"/assets/subscribe.js\" defer></script>",
                    "href=\"/feeds/trending.atom\"");
            assertThat(response.headers().allValues("Set-Cookie")).as(page + ": no cookie for the form").isEmpty();
        }
        assertThat(app.get("/no-such-page").statusCode()).isEqualTo(404);
        assertThat(app.get("/assets/subscribe.js").body()).contains("resolvedOptions().timeZone");
    }

    // Helpers

    private TestBrowser browser() {
        return new TestBrowser(app.baseUrl(), "198.51.100." + (counter.incrementAndGet() % 250 + 1));
    }

    private String email(String name) {
        return name + "-" + counter.incrementAndGet() + "-" + kind.name().toLowerCase() + "@example.org";
    }

    private String pending(String name) {
        String email = email(name);
        assertThat(browser().post("/subscribe", Map.of("email", email)).statusCode()).isEqualTo(303);
        return email;
    }

    private String confirmed(String name) {
        String email = email(name);
        long id = store().create(email, Optional.empty(), new Preferences(Cadence.DAILY, ZoneId.of("UTC"),
                List.of()), now()).orElseThrow();
        store().confirm(id, now().plusSeconds(3600), now());
        return email;
    }

    private String expired(Purpose purpose, Subscription subscription) {
        return DigestLinks.path(purpose) + "?token=" + app.app().digests().links().sign(purpose, subscription,
                now().minusSeconds(1));
    }

    private String firstPaperPath() {
        Matcher paper = Pattern.compile("href=\"(/papers/[0-9]{4}\\.[0-9]{4,5})\"").matcher(app.get("/").body());
        assertThat(paper.find()).isTrue();
        return paper.group(1);
    }

    private HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        headers.forEach(request::header);
        return TestHttp.send(HTTP, request.build());
    }

    private Subscription subscription(String email) {
        return store().findByEmail(email).orElseThrow();
    }

    private SubscriptionStore store() {
        return store;
    }

    private static Instant now() {
        return TestApp.FIXED_CLOCK.instant();
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private void clearMail() {
        app.app().mail().deliverNow();
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String link(String text, String purpose) {
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("a link in " + text).isTrue();
        assertThat(link.group(2)).isEqualTo(purpose);
        return link.group(1);
    }

    /** The links (path and query) in every mail to {@code to}, in order. */
    private List<String> links(String to) {
        return received(to).stream().map(m -> part(m, "text/plain")).flatMap(text -> LINK.matcher(text).results()
                .map(r -> r.group(1))).toList();
    }

    private MimeMessage onlyMail(String to) {
        List<MimeMessage> mails = received(to);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private List<String> subjects(String to) {
        return received(to).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<MimeMessage> received(String to) {
        app.app().mail().deliverNow();
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(to);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String part(MimeMessage message, String type) {
        try {
            if (message.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType(type)) {
                        return part.getContent().toString();
                    }
                }
                throw new AssertionError("no " + type + " part");
            }
            return message.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
