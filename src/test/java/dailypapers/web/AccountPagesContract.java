package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.TestDatabase;
import dailypapers.account.Member;
import dailypapers.account.MemberState;
import dailypapers.account.Role;
import dailypapers.store.DatabaseConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The account pages over HTTP, on one database kind per subclass, with mail read from GreenMail (a real SMTP
 * server in process). One app serves the class; each test uses addresses of its own. Rate limits are set high here
 * (they have their own test), since every request comes from one address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccountPagesContract {

    static final String PASSWORD = "correct horse battery";
    private static final Pattern LINK =
            Pattern.compile("https://papers\\.example\\.org(/[a-z/-]+\\?token=[A-Za-z0-9_-]{43})");

    private final TestDatabase kind;
    private final AtomicInteger counter = new AtomicInteger();
    private DatabaseConfig database;
    private GreenMail smtp;
    private TestApp app;

    protected AccountPagesContract(TestDatabase kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() throws IOException {
        database = kind.open();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path dir = Files.createTempDirectory("dailypapers-accounts");
        Map<String, String> flags = new HashMap<>(Map.of("data.dir", dir.toString(), "database.url", database.url(),
                "http.host", "127.0.0.1", "http.port", "0", "harvest.enabled", "false", "thumbnail.enabled", "false",
                "mail.smtp.host", "127.0.0.1", "mail.smtp.port", Integer.toString(smtp.getSmtp().getPort()),
                "mail.smtp.security", "none", "http.base.url", "https://papers.example.org"));
        flags.putAll(Map.of("account.limit.signin.ip", "10000", "account.limit.signin.email", "10000",
                "account.limit.signup.ip", "10000", "account.limit.mail.ip", "10000", "account.limit.mail.email",
                "10000"));
        if (database.user() != null) {
            flags.put("database.user", database.user());
            flags.put("database.password", database.password() == null ? "" : database.password());
        }
        app = TestApp.start(Config.load(null, Map.of(), flags));
    }

    @AfterAll
    void stop() {
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

    @Test
    void aSignUpMailsALinkWhoseGetUsesNothingAndWhosePostConfirmsAndSignsIn() {
        String email = email("ada");
        TestBrowser browser = browser();

        HttpResponse<String> signUp = signUp(browser, email, handle("ada"), PASSWORD);

        assertThat(signUp.statusCode()).isEqualTo(303);
        assertThat(signUp.headers().firstValue("Location")).contains("/mail-sent?about=sign-up");
        assertThat(browser.get("/mail-sent?about=sign-up").body()).contains("Check your mail")
                .doesNotContain("outbox");
        String link = link(email, "Confirm your email address for Daily Papers");
        assertThat(link).startsWith("/verify?token=");
        assertThat(browser.get(link).body()).as("a scanner's GET").contains("Confirm and sign in");
        assertThat(browser.get(link).statusCode()).isEqualTo(200);
        assertThat(browser.sessionToken()).isEmpty();
        assertThat(browser.post("/sign-in", Map.of("email", email, "password", PASSWORD)).statusCode())
                .as("unconfirmed").isEqualTo(401);

        browser.get(link);
        HttpResponse<String> confirmed = browser.post("/verify", Map.of("token", token(link)));

        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(browser.sessionToken()).isPresent();
        assertThat(browser.get("/settings").statusCode()).isEqualTo(200);
        assertThat(member(email).emailVerifiedAt()).isPresent();
        TestBrowser again = browser();
        again.get("/sign-in");
        assertThat(again.post("/verify", Map.of("token", token(link))).statusCode()).as("used once").isEqualTo(400);
        assertThat(again.get(link).body()).contains("This link has been used or has expired.");
    }

    @Test
    void aSignUpWithATakenEmailAnswersExactlyLikeANewOneAndMailsTheOwner() {
        String taken = email("taken");
        app.app().accounts().service().create(taken, handle("owner"), "Owner", PASSWORD, Role.MEMBER);

        HttpResponse<String> fresh = signUp(browser(), email("fresh"), handle("fresh"), PASSWORD);
        HttpResponse<String> repeated = signUp(browser(), taken.toUpperCase(), handle("other"), "another password");

        assertThat(repeated.statusCode()).isEqualTo(fresh.statusCode()).isEqualTo(303);
        assertThat(repeated.headers().firstValue("Location")).isEqualTo(fresh.headers().firstValue("Location"));
        assertThat(repeated.body()).isEqualTo(fresh.body());
        assertThat(subjects(taken)).containsExactly("Someone tried to sign up with your address");
        assertThat(LINK.matcher(body(taken, "Someone tried to sign up with your address")).find()).isFalse();
    }

    @Test
    void aTakenHandleOrABrokenRuleComesBackNextToItsFieldWithWhatWasTyped() {
        String handle = handle("dup");
        app.app().accounts().service().create(email("dup"), handle, "Dup", PASSWORD, Role.MEMBER);

        HttpResponse<String> taken = signUp(browser(), email("second"), handle, PASSWORD);
        HttpResponse<String> shortPassword = signUp(browser(), email("third"), handle("third"), "short");
        HttpResponse<String> badEmail = signUp(browser(), "not an address", handle("fourth"), PASSWORD);

        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("id=\"field-handle-error\"", "or one that looks like it is taken",
                "value=\"" + email("second") + "\"", "value=\"" + handle + "\"", "aria-invalid=\"true\"")
                .doesNotContain(PASSWORD);
        assertThat(shortPassword.body()).contains("id=\"field-password-error\"");
        assertThat(badEmail.body()).contains("id=\"field-email-error\"", "value=\"not an address\"");
        assertThat(app.app().accounts().service().member(email("second"))).isEmpty();
    }

    @Test
    void signInRotatesTheSessionAndEndsTheOneTheBrowserHad() {
        String email = confirmedMember("rot");
        TestBrowser browser = browser();

        HttpResponse<String> first = signIn(browser, email, PASSWORD, "/trending");
        String firstToken = browser.sessionToken().orElseThrow();
        // Signed in, the sign-in page redirects; a form of the settings page carries the member's form token.
        assertThat(browser.submit("/settings", "/sign-in", Map.of("email", email, "password", PASSWORD))
                .statusCode()).isEqualTo(303);
        String secondToken = browser.sessionToken().orElseThrow();

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).contains("/trending");
        assertThat(firstToken).isNotEqualTo(secondToken);
        assertThat(app.app().accounts().service().sessionMember(firstToken)).as("ended").isEmpty();
        assertThat(app.app().accounts().service().sessionMember(secondToken)).isPresent();
        assertThat(browser.get("/sign-in").statusCode()).as("signed in already").isEqualTo(303);
    }

    @Test
    void nextLeadsOnlyToAPathOfThisSite() {
        String email = confirmedMember("next");
        for (String next : List.of("//evil.example", "/\\evil.example", "https://evil.example", "/\t/evil.example",
                "javascript:alert(1)", "")) {
            HttpResponse<String> response = signIn(browser(), email, PASSWORD, next);
            assertThat(response.headers().firstValue("Location")).as(next).contains("/");
        }
        assertThat(signIn(browser(), email, PASSWORD, "/2026-08-21?x=1").headers().firstValue("Location"))
                .contains("/2026-08-21?x=1");
        assertThat(browser().get("/sign-in?next=//evil.example").body()).contains("name=\"next\" value=\"/\"");
    }

    @Test
    void everySignInFailureAnswersAlike() {
        String email = confirmedMember("fail");
        String unconfirmed = email("unconfirmed");
        signUp(browser(), unconfirmed, handle("unconfirmed"), PASSWORD);
        Member banned = app.app().accounts().service().create(email("banned"), handle("banned"), "B", PASSWORD,
                Role.MEMBER);
        app.app().accounts().service().ban(banned.id());

        Map<String, HttpResponse<String>> failures = Map.of(email, signIn(browser(), email, "wrong password", null),
                email("nobody"), signIn(browser(), email("nobody"), PASSWORD, null),
                unconfirmed, signIn(browser(), unconfirmed, PASSWORD, null),
                email("banned"), signIn(browser(), email("banned"), PASSWORD, null));

        assertThat(failures.values()).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(401));
        assertThat(failures.entrySet().stream().map(e -> withoutTokens(e.getValue().body()).replace(e.getKey(),
                "EMAIL")).distinct()).as("one page whatever went wrong").hasSize(1);
    }

    @Test
    void aSignInLinkIsAskedForAlikeForAnyAddressAndSignsInThroughItsButton() {
        String email = confirmedMember("link");
        TestBrowser browser = browser();

        HttpResponse<String> known = browser.submit("/sign-in", "/sign-in/send-link", Map.of("linkEmail", email));
        HttpResponse<String> unknown = browser().submit("/sign-in", "/sign-in/send-link",
                Map.of("linkEmail", email("stranger")));

        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(303);
        assertThat(known.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"));
        assertThat(subjects(email("stranger"))).containsExactly("About your request to Daily Papers");
        String link = link(email, "Your Daily Papers sign-in link");
        assertThat(link).startsWith("/sign-in/link?token=");
        assertThat(browser.get(link).body()).contains("<button type=\"submit\" class=\"button\">Sign in</button>");
        assertThat(browser.post("/sign-in/link", Map.of("token", token(link))).statusCode()).isEqualTo(303);
        assertThat(browser.sessionToken()).isPresent();
        assertThat(browser().submit("/sign-in", "/sign-in/send-link", Map.of("linkEmail", "nope")).body())
                .contains("id=\"field-linkEmail-error\"");
    }

    @Test
    void ofTwoConcurrentUsesOfOneLinkExactlyOneSignsIn() throws Exception {
        String email = confirmedMember("race");
        browser().submit("/sign-in", "/sign-in/send-link", Map.of("linkEmail", email));
        String link = link(email, "Your Daily Papers sign-in link");
        List<TestBrowser> browsers = List.of(browser(), browser(), browser(), browser());
        browsers.forEach(b -> b.get(link));
        ExecutorService pool = Executors.newFixedThreadPool(browsers.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (TestBrowser b : browsers) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return b.post("/sign-in/link", Map.of("token", token(link))).statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get());
            }
            assertThat(codes).containsExactlyInAnyOrder(303, 400, 400, 400);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aResetSetsANewPasswordEndsOldSessionsAndKeepsTheLinkWhenThePasswordIsRefused() {
        String email = confirmedMember("reset");
        TestBrowser old = browser();
        signIn(old, email, PASSWORD, null);
        TestBrowser browser = browser();

        HttpResponse<String> asked = browser.submit("/reset", "/reset", Map.of("email", email));
        HttpResponse<String> unknown = browser().submit("/reset", "/reset", Map.of("email", email("nobody-r")));

        assertThat(asked.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"))
                .contains("/mail-sent?about=reset");
        assertThat(subjects(email("nobody-r"))).containsExactly("About your request to Daily Papers");
        String link = link(email, "Reset your Daily Papers password");
        assertThat(link).startsWith("/reset/confirm?token=");
        browser.get(link);
        HttpResponse<String> refused = browser.post("/reset/confirm", Map.of("token", token(link), "password",
                "short"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"field-password-error\"", "value=\"" + token(link) + "\"");

        HttpResponse<String> reset = browser.post("/reset/confirm", Map.of("token", token(link), "password",
                "a brand new password"));

        assertThat(reset.statusCode()).isEqualTo(303);
        assertThat(browser.sessionToken()).isPresent();
        assertThat(old.get("/settings").statusCode()).as("the old session ended").isEqualTo(303);
        assertThat(signIn(browser(), email, PASSWORD, null).statusCode()).isEqualTo(401);
        assertThat(signIn(browser(), email, "a brand new password", null).statusCode()).isEqualTo(303);
        assertThat(browser().get(link).statusCode()).as("used").isEqualTo(400);
    }

    @Test
    void anExpiredLinkIsRefused() {
        String email = confirmedMember("expired");
        browser().submit("/sign-in", "/sign-in/send-link", Map.of("linkEmail", email));
        String link = link(email, "Your Daily Papers sign-in link");
        execute("UPDATE member_link_token SET expires_at = '2000-01-01T00:00:00Z'");
        TestBrowser browser = browser();

        assertThat(browser.get(link).statusCode()).isEqualTo(400);
        browser.get("/sign-in");
        assertThat(browser.post("/sign-in/link", Map.of("token", token(link))).statusCode()).isEqualTo(400);
        assertThat(browser.sessionToken()).isEmpty();
    }

    @Test
    void settingsNeedASignedInMemberAndChangeOnlyTheirOwnAccount() {
        TestBrowser anonymous = browser();
        assertThat(anonymous.get("/settings").headers().firstValue("Location")).contains("/sign-in?next=%2Fsettings");
        anonymous.get("/sign-in");
        assertThat(anonymous.post("/settings/name", Map.of("displayName", "Mallory")).statusCode()).isEqualTo(401);

        String ada = confirmedMember("ada-settings");
        String bob = confirmedMember("bob-settings");
        TestBrowser browser = signedIn(ada);
        HttpResponse<String> named = browser.submit("/settings", "/settings/name", Map.of("displayName", "Ada L."));
        assertThat(named.headers().firstValue("Location")).contains("/settings?done=name");
        assertThat(browser.get("/settings?done=name").body()).contains("Your display name is saved.",
                "value=\"Ada L.\"");
        assertThat(member(ada).displayName().value()).isEqualTo("Ada L.");
        assertThat(member(bob).displayName().value()).isNotEqualTo("Ada L.");

        HttpResponse<String> empty = browser.submit("/settings", "/settings/name", Map.of("displayName", " "));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("id=\"field-displayName-error\"");

        Member banned = member(bob);
        TestBrowser bobBrowser = signedIn(bob);
        bobBrowser.get("/settings");
        app.app().accounts().service().ban(banned.id());
        assertThat(bobBrowser.post("/settings/name", Map.of("displayName", "Banned")).statusCode()).isEqualTo(401);
    }

    @Test
    void aPasswordChangeNeedsTheCurrentOneAndSignsOutOtherDevices() {
        String email = confirmedMember("pw");
        TestBrowser phone = signedIn(email);
        TestBrowser laptop = signedIn(email);

        HttpResponse<String> wrong = laptop.submit("/settings", "/settings/password", Map.of("currentPassword",
                "not it at all", "newPassword", "another good password"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"field-currentPassword-error\"");

        HttpResponse<String> changed = laptop.submit("/settings", "/settings/password", Map.of("currentPassword",
                PASSWORD, "newPassword", "another good password"));

        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(laptop.get("/settings").statusCode()).isEqualTo(200);
        assertThat(phone.get("/settings").statusCode()).isEqualTo(303);
    }

    @Test
    void aNewEmailBecomesTheLoginOnlyOnceItsLinkIsUsed() {
        String email = confirmedMember("move");
        String moved = email("moved");
        TestBrowser browser = signedIn(email);

        HttpResponse<String> wrong = browser.submit("/settings", "/settings/email", Map.of("newEmail", moved,
                "emailPassword", "wrong password"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"field-emailPassword-error\"", "value=\"" + moved + "\"");

        HttpResponse<String> asked = browser.submit("/settings", "/settings/email", Map.of("newEmail", moved,
                "emailPassword", PASSWORD));
        assertThat(asked.headers().firstValue("Location")).contains("/mail-sent?about=change-email");
        assertThat(app.app().accounts().service().member(email)).as("not yet").isPresent();
        String link = link(moved, "Confirm your new email address for Daily Papers");
        browser.get(link);
        assertThat(browser.post("/settings/email/confirm", Map.of("token", token(link))).statusCode())
                .isEqualTo(303);

        assertThat(app.app().accounts().service().member(email)).isEmpty();
        assertThat(member(moved).emailVerifiedAt()).isPresent();
        assertThat(subjects(email)).contains("Your Daily Papers email address was changed");
    }

    @Test
    void signOutAndSignOutEverywhereEndSessions() {
        String email = confirmedMember("out");
        TestBrowser phone = signedIn(email);
        TestBrowser laptop = signedIn(email);
        String laptopToken = laptop.sessionToken().orElseThrow();

        assertThat(phone.submit("/settings", "/sign-out", Map.of()).statusCode()).isEqualTo(303);
        assertThat(phone.get("/settings").statusCode()).isEqualTo(303);
        assertThat(laptop.get("/settings").statusCode()).isEqualTo(200);

        TestBrowser tablet = signedIn(email);
        assertThat(tablet.submit("/settings", "/settings/sign-out-everywhere", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(app.app().accounts().service().sessionMember(laptopToken)).isEmpty();
        assertThat(tablet.get("/settings").statusCode()).isEqualTo(303);
    }

    @Test
    void deletingAnAccountNeedsThePasswordAndLeavesATombstone() {
        String email = confirmedMember("gone");
        Member before = member(email);
        TestBrowser browser = signedIn(email);

        HttpResponse<String> wrong = browser.submit("/settings", "/settings/delete", Map.of("deletePassword", "nope"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"field-deletePassword-error\"");

        HttpResponse<String> deleted = browser.submit("/settings", "/settings/delete", Map.of("deletePassword",
                PASSWORD));

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).contains("Your account is deleted");
        assertThat(browser.get("/settings").statusCode()).isEqualTo(303);
        assertThat(signIn(browser(), email, PASSWORD, null).statusCode()).isEqualTo(401);
        Member after = app.app().accounts().service().members().stream().filter(m -> m.id() == before.id())
                .findFirst().orElseThrow();
        assertThat(after.state()).isEqualTo(MemberState.DELETED);
        assertThat(after.handle().value()).isEqualTo("deleted-" + before.id());
        assertThat(after.displayName().value()).isEqualTo("deleted member");
        assertThat(after.email().value()).doesNotContain(email.substring(0, email.indexOf('@')));
    }

    @Test
    void aFormWithoutTheFormTokenIsRefusedAndNothingIsMailed() {
        String email = email("csrf");
        TestBrowser browser = browser();
        HttpResponse<String> refused = browser.post("/sign-up", Map.of("email", email, "handle", handle("csrf"),
                "displayName", "C", "password", PASSWORD));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(subjects(email)).isEmpty();
    }

    // Helpers

    private TestBrowser browser() {
        return new TestBrowser(app.baseUrl());
    }

    private String email(String name) {
        return name + "-" + kind.name().toLowerCase() + "@example.org";
    }

    private String handle(String name) {
        return name.replaceAll("[^a-z]", "") + "-" + counter.incrementAndGet();
    }

    /** A member whose address is confirmed, made through the service (the pages' sign-up is tested above). */
    private String confirmedMember(String name) {
        String email = email(name);
        app.app().accounts().service().create(email, handle(name), name, PASSWORD, Role.MEMBER);
        return email;
    }

    private TestBrowser signedIn(String email) {
        TestBrowser browser = browser();
        assertThat(signIn(browser, email, PASSWORD, null).statusCode()).isEqualTo(303);
        return browser;
    }

    private Member member(String email) {
        return app.app().accounts().service().member(email).orElseThrow();
    }

    private HttpResponse<String> signUp(TestBrowser browser, String email, String handle, String password) {
        return browser.submit("/sign-up", "/sign-up", Map.of("email", email, "handle", handle, "displayName",
                "Test", "password", password, "next", "/"));
    }

    private static HttpResponse<String> signIn(TestBrowser browser, String email, String password, String next) {
        Map<String, String> fields = new HashMap<>(Map.of("email", email, "password", password));
        if (next != null) {
            fields.put("next", next);
        }
        return browser.submit("/sign-in", "/sign-in", fields);
    }

    /** The link (path and query) in the one mail with this subject sent to {@code to}. */
    private String link(String to, String subject) {
        Matcher link = LINK.matcher(body(to, subject));
        assertThat(link.find()).as("a link in the mail").isTrue();
        return link.group(1);
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private String body(String to, String subject) {
        List<MimeMessage> found = received(to).stream().filter(m -> subject(m).equals(subject)).toList();
        assertThat(found).as("mails to %s with subject %s", to, subject).hasSize(1);
        try {
            return found.get(0).getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> subjects(String to) {
        return received(to).stream().map(AccountPagesContract::subject).toList();
    }

    private List<MimeMessage> received(String to) {
        app.app().mail().deliverNow();
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equalsIgnoreCase(to)).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withoutTokens(String html) {
        return html.replaceAll("name=\"csrf\" value=\"[^\"]+\"", "");
    }
}
