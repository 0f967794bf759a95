package dailypapers.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.ingest.TestClock;
import dailypapers.mail.Mailer;
import dailypapers.store.JdbiAccountStore;
import dailypapers.store.JdbiTransactions;
import dailypapers.store.StoreTx;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The account service over a real SQLite store (the store's contract covers PostgreSQL). */
class AccountServiceIT extends DatabaseContract {

    private static final String PASSWORD = "correct horse battery";
    static final AccountSettings SETTINGS = new AccountSettings(Duration.ofDays(30), Duration.ofMinutes(5),
            URI.create("https://papers.example.org"), AccountSettings.DEFAULT_LINK_LIFETIMES,
            AccountSettings.Limits.DEFAULT);

    private final TestClock clock = new TestClock(Instant.parse("2026-11-30T12:00:00Z"));
    private JdbiAccountStore store;
    private AccountService accounts;

    AccountServiceIT() {
        super(TestDatabase.SQLITE);
    }

    @BeforeEach
    void open() {
        store = new JdbiAccountStore(database());
        accounts = service(new PasswordHasher(PasswordHasherTest.FAST));
    }

    @Test
    void aMemberWhoSignedUpSignsInAndTheSessionNamesThem() {
        Member ada = accounts.create("Ada@Example.org", "ada", "Ada Lovelace", PASSWORD, Role.MEMBER);

        Session session = accounts.signIn("ada@example.org", PASSWORD).orElseThrow();

        assertThat(ada.role()).isEqualTo(Role.MEMBER);
        assertThat(session.token()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(session.toString()).doesNotContain(session.token());
        assertThat(session.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(accounts.sessionMember(session.token())).contains(ada);
        assertThat(store.session(session.token())).as("only the hash is stored").isEmpty();
        assertThat(store.session(AccountService.tokenHash(session.token()))).isPresent();
    }

    @Test
    void signUpChecksEveryRuleBeforeStoringAnything() {
        assertThatThrownBy(() -> accounts.signUp("ada@example.org", "ada", "Ada", "short")).extracting(
                e -> ((AccountException) e).code()).isEqualTo(AccountException.Code.PASSWORD_TOO_SHORT);
        assertThatThrownBy(() -> accounts.signUp("ada@example.org", "admin", "Ada", PASSWORD)).extracting(
                e -> ((AccountException) e).code()).isEqualTo(AccountException.Code.HANDLE_RESERVED);
        assertThat(accounts.members()).isEmpty();
        assertThat(accounts.create("ada@example.org", "ada", " ", PASSWORD, Role.MEMBER).displayName().value())
                .as("the display name defaults to the handle").isEqualTo("ada");
    }

    @Test
    void everySignInFailureLooksTheSame() {
        accounts.create("ada@example.org", "ada", "Ada", PASSWORD, Role.MEMBER);
        Member bob = accounts.create("bob@example.org", "bob", "Bob", PASSWORD, Role.MEMBER);
        accounts.ban(bob.id());

        assertThat(accounts.signIn("ada@example.org", "wrong password")).isEmpty();
        assertThat(accounts.signIn("nobody@example.org", PASSWORD)).isEmpty();
        assertThat(accounts.signIn("not an email", PASSWORD)).isEmpty();
        assertThat(accounts.signIn("ada@example.org", "x".repeat(5000))).isEmpty();
        assertThat(accounts.signIn("ada@example.org", null)).isEmpty();
        assertThat(accounts.signIn("bob@example.org", PASSWORD)).as("banned").isEmpty();
    }

    @Test
    void anUnknownEmailCostsAsMuchAsAWrongPassword() {
        PasswordHasher slow = new PasswordHasher(new PasswordHasher.Parameters(16 * 1024, 2, 1));
        AccountService timed = service(slow);
        timed.create("ada@example.org", "ada", "Ada", PASSWORD, Role.MEMBER);
        timed.signIn("nobody@example.org", PASSWORD);
        timed.signIn("ada@example.org", "wrong password");

        long unknown = Long.MAX_VALUE;
        long wrong = Long.MAX_VALUE;
        // Interleaved, so that a stretch of other work on the machine slows both kinds alike; the fastest of each
        // is the least disturbed.
        for (int i = 0; i < 9; i++) {
            unknown = Math.min(unknown, nanos(() -> timed.signIn("nobody@example.org", PASSWORD)));
            wrong = Math.min(wrong, nanos(() -> timed.signIn("ada@example.org", "wrong password")));
        }

        assertThat((double) unknown).as("an unknown email hashes a dummy").isBetween(wrong / 3.0, wrong * 3.0);
    }

    @Test
    void signingInAgainRotatesTheSessionAndSignOutEndsOnlyOne() {
        Member ada = accounts.create("ada@example.org", "ada", "Ada", PASSWORD, Role.MEMBER);
        Session phone = accounts.signIn("ada@example.org", PASSWORD).orElseThrow();
        Session laptop = accounts.signIn("ada@example.org", PASSWORD).orElseThrow();

        assertThat(laptop.token()).isNotEqualTo(phone.token());
        accounts.signOut(phone.token());

        assertThat(accounts.sessionMember(phone.token())).isEmpty();
        assertThat(accounts.sessionMember(laptop.token())).contains(ada);
        accounts.signOut(phone.token());
        accounts.signOut(null);
    }

    @Test
    void signOutEverywhereEndsEverySession() {
        Member ada = accounts.create("ada@example.org", "ada", "Ada", PASSWORD, Role.MEMBER);
        Session phone = accounts.signIn("ada@example.org", PASSWORD).orElseThrow();
        Session laptop = accounts.signIn("ada@example.org", PASSWORD).orElseThrow();

        accounts.signOutEverywhere(ada.id());

        assertThat(accounts.sessionMember(phone.token())).isEmpty();
        assertThat(accounts.sessionMember(laptop.token())).isEmpty();
    }

    @Test
    void aSessionEndsAtItsExpiry() {
        accounts.create("ada@example.org", "ada", "Ada", PASSWORD, Role.MEMBER);
        Session session = accounts.signIn("ada@example.org", PASSWORD).orElseThrow();

        clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertThat(accounts.sessionMember(session.token())).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(accounts.sessionMember(session.token())).isEmpty();
        assertThat(store.session(AccountService.tokenHash(session.token()))).as("removed").isEmpty();
        assertThat(accounts.sessionMember("made-up-token")).isEmpty();
        assertThat(accounts.sessionMember("")).isEmpty();
    }

    @Test
    void lastSeenIsWrittenAtMostOncePerTouchInterval() {
        accounts.create("ada@example.org", "ada", "Ada", PASSWORD, Role.MEMBER);
        Session session = accounts.signIn("ada@example.org", PASSWORD).orElseThrow();
        Instant signedIn = clock.instant();
        String hash = AccountService.tokenHash(session.token());

        clock.advance(Duration.ofMinutes(4));
        accounts.sessionMember(session.token());
        assertThat(store.session(hash).orElseThrow().session().lastSeenAt()).isEqualTo(signedIn);

        clock.advance(Duration.ofMinutes(1));
        accounts.sessionMember(session.token());
        assertThat(store.session(hash).orElseThrow().session().lastSeenAt()).isEqualTo(signedIn.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aHashWithOldParametersIsReplacedAtSignIn() {
        Member ada = accounts.create("ada@example.org", "ada", "Ada", PASSWORD, Role.MEMBER);
        PasswordHasher stronger = new PasswordHasher(new PasswordHasher.Parameters(2048, 2, 1));
        AccountService upgraded = service(stronger);

        assertThat(upgraded.signIn("ada@example.org", PASSWORD)).isPresent();

        String rehashed = store.passwordHash(ada.id()).orElseThrow();
        assertThat(rehashed).startsWith("$argon2id$v=19$m=2048,t=2,p=1$");
        assertThat(upgraded.signIn("ada@example.org", PASSWORD)).isPresent();
        assertThat(store.passwordHash(ada.id())).contains(rehashed);
    }

    @Test
    void aPasswordChangeNeedsTheCurrentPasswordAndEndsEveryOtherSession() {
        Member ada = accounts.create("ada@example.org", "ada", "Ada", PASSWORD, Role.MEMBER);
        Session phone = accounts.signIn("ada@example.org", PASSWORD).orElseThrow();

        assertThatThrownBy(() -> accounts.changePassword(ada.id(), "not the password", "a new password"))
                .extracting(e -> ((AccountException) e).code()).isEqualTo(AccountException.Code.PASSWORD_WRONG);
        assertThatThrownBy(() -> accounts.changePassword(ada.id(), PASSWORD, "short"))
                .extracting(e -> ((AccountException) e).code()).isEqualTo(AccountException.Code.PASSWORD_TOO_SHORT);

        Session current = accounts.changePassword(ada.id(), PASSWORD, "a new password");

        assertThat(accounts.sessionMember(phone.token())).isEmpty();
        assertThat(accounts.sessionMember(current.token())).contains(ada);
        assertThat(accounts.signIn("ada@example.org", PASSWORD)).isEmpty();
        assertThat(accounts.signIn("ada@example.org", "a new password")).isPresent();
    }

    @Test
    void aBannedMembersSessionsEndAndTheirRoleCanBeSet() {
        Member ada = accounts.create("ada@example.org", "ada", "Ada", PASSWORD, Role.MEMBER);
        Session session = accounts.signIn("ada@example.org", PASSWORD).orElseThrow();
        accounts.setRole(ada.id(), Role.MODERATOR);
        assertThat(accounts.member("ADA@example.org").map(Member::role)).contains(Role.MODERATOR);

        accounts.ban(ada.id());

        assertThat(accounts.sessionMember(session.token())).isEmpty();
        assertThat(accounts.member("ada@example.org").map(Member::isBanned)).contains(true);
        assertThatThrownBy(() -> accounts.ban(ada.id() + 1)).extracting(e -> ((AccountException) e).code())
                .isEqualTo(AccountException.Code.NO_SUCH_MEMBER);
        assertThatThrownBy(() -> accounts.setRole(ada.id() + 1, Role.ADMIN))
                .extracting(e -> ((AccountException) e).code()).isEqualTo(AccountException.Code.NO_SUCH_MEMBER);
        assertThat(accounts.member("nobody@example.org")).isEqualTo(Optional.empty());
    }

    private AccountService service(PasswordHasher hasher) {
        JdbiTransactions transactions = new JdbiTransactions(database(), clock);
        return new AccountService(SETTINGS, store, transactions.view(StoreTx::accounts),
                new Mailer(transactions.view(StoreTx::outbox), clock), hasher, clock);
    }

    private static long nanos(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }
}
