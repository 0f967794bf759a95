package dailypapers.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.account.AccountService;
import dailypapers.account.AccountStore.NewMember;
import dailypapers.account.DisplayName;
import dailypapers.account.Email;
import dailypapers.account.Handle;
import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.ingest.TestClock;
import dailypapers.store.JdbiAccountStore;
import dailypapers.store.JdbiTokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Personal access tokens over the real stores; run against SQLite and PostgreSQL. */
abstract class TokenServiceContract extends DatabaseContract {

    private static final AtomicInteger NEXT_MEMBER = new AtomicInteger();

    private final TestClock clock = new TestClock(Instant.parse("2026-11-30T12:00:00Z"));
    private JdbiAccountStore members;
    private JdbiTokenStore store;
    private TokenService tokens;

    protected TokenServiceContract(TestDatabase kind) {
        super(kind);
    }

    @BeforeEach
    void open() {
        members = new JdbiAccountStore(database());
        store = new JdbiTokenStore(database());
        tokens = new TokenModule(store, members, clock).service();
    }

    @Test
    void aNewTokenAuthenticatesItsMemberWithItsScopeAndOnlyItsHashIsStored() {
        Member ada = member();

        IssuedToken issued = tokens.create(ada.id(), "  my\tscript ", TokenScope.READ);

        assertThat(issued.secret()).startsWith("dp_").hasSize(46).matches("dp_[A-Za-z0-9_-]+");
        assertThat(issued.toString()).doesNotContain(issued.secret());
        assertThat(issued.token().name()).isEqualTo("my script");
        assertThat(issued.token().lastUsedAt()).isEmpty();
        TokenGrant grant = tokens.authenticate(issued.secret()).orElseThrow();
        assertThat(grant.member()).isEqualTo(ada);
        assertThat(grant.allows(TokenScope.READ)).isTrue();
        assertThat(grant.allows(TokenScope.WRITE)).isFalse();
        assertThat(store.byHash(issued.secret())).as("the secret itself is no key").isEmpty();
        assertThat(store.byHash(AccountService.tokenHash(issued.secret()))).isPresent();
        String everything = database().jdbi().withHandle(h -> h.createQuery(
                "SELECT token_hash || name || scope FROM api_token").mapTo(String.class).list().toString());
        assertThat(everything).doesNotContain(issued.secret().substring(3));
    }

    @Test
    void aWriteTokenAllowsReadingToo() {
        IssuedToken issued = tokens.create(member().id(), "bot", TokenScope.WRITE);

        TokenGrant grant = tokens.authenticate(issued.secret()).orElseThrow();

        assertThat(grant.allows(TokenScope.READ)).isTrue();
        assertThat(grant.allows(TokenScope.WRITE)).isTrue();
    }

    @Test
    void unknownMalformedAndRevokedSecretsAuthenticateNobody() {
        Member ada = member();
        IssuedToken issued = tokens.create(ada.id(), "laptop", TokenScope.WRITE);

        assertThat(tokens.authenticate(null)).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
        assertThat(tokens.authenticate(issued.secret() + "x")).isEmpty();
        assertThat(tokens.authenticate("dp_" + "A".repeat(43))).isEmpty();
        assertThat(tokens.authenticate(issued.secret().substring(3))).isEmpty();

        tokens.revoke(ada.id(), issued.token().id());

        assertThat(tokens.authenticate(issued.secret())).isEmpty();
        assertThat(tokens.tokens(ada.id())).isEmpty();
    }

    @Test
    void aMemberCannotRevokeAnotherMembersToken() {
        Member ada = member();
        Member mallory = member();
        IssuedToken issued = tokens.create(ada.id(), "laptop", TokenScope.READ);

        assertThatThrownBy(() -> tokens.revoke(mallory.id(), issued.token().id()))
                .isInstanceOf(TokenException.class)
                .extracting(e -> ((TokenException) e).code()).isEqualTo(TokenException.Code.NO_SUCH_TOKEN);
        assertThat(tokens.authenticate(issued.secret())).isPresent();
    }

    @Test
    void aBannedMembersTokensStopWorking() {
        Member mallory = member();
        IssuedToken issued = tokens.create(mallory.id(), "scraper", TokenScope.WRITE);

        members.ban(mallory.id());

        assertThat(tokens.authenticate(issued.secret())).isEmpty();
    }

    @Test
    void tokensAreListedNewestFirstWithTheirLastUseWrittenAtMostOnceAMinute() {
        Member ada = member();
        IssuedToken older = tokens.create(ada.id(), "older", TokenScope.READ);
        clock.advance(Duration.ofMillis(300));
        IssuedToken newer = tokens.create(ada.id(), "newer", TokenScope.WRITE);
        tokens.create(member().id(), "someone else's", TokenScope.READ);

        Instant firstUse = clock.instant();
        tokens.authenticate(older.secret());
        clock.advance(Duration.ofSeconds(30));
        tokens.authenticate(older.secret());

        assertThat(tokens.tokens(ada.id())).extracting(AccessToken::name).containsExactly("newer", "older");
        assertThat(tokens.tokens(ada.id()).get(1).lastUsedAt()).contains(firstUse);
        assertThat(tokens.tokens(ada.id()).get(0).lastUsedAt()).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        tokens.authenticate(older.secret());
        assertThat(tokens.tokens(ada.id()).get(1).lastUsedAt()).contains(clock.instant());
        assertThat(tokens.authenticate(newer.secret())).isPresent();
    }

    @Test
    void aNameIsRequiredAndShortAndTheNumberOfTokensIsCapped() {
        Member ada = member();

        assertThatThrownBy(() -> tokens.create(ada.id(), " \u202E ", TokenScope.READ))
                .extracting(e -> ((TokenException) e).code()).isEqualTo(TokenException.Code.NAME_INVALID);
        assertThatThrownBy(() -> tokens.create(ada.id(), "x".repeat(51), TokenScope.READ))
                .extracting(e -> ((TokenException) e).code()).isEqualTo(TokenException.Code.NAME_INVALID);
        assertThatThrownBy(() -> TokenScope.of("admin"))
                .extracting(e -> ((TokenException) e).code()).isEqualTo(TokenException.Code.SCOPE_INVALID);
        for (int i = 0; i < TokenService.MAX_TOKENS_PER_MEMBER; i++) {
            tokens.create(ada.id(), "token " + i, TokenScope.READ);
        }
        assertThatThrownBy(() -> tokens.create(ada.id(), "one too many", TokenScope.READ))
                .extracting(e -> ((TokenException) e).code()).isEqualTo(TokenException.Code.TOO_MANY_TOKENS);
        assertThat(tokens.revokeAll(ada.id())).isEqualTo(TokenService.MAX_TOKENS_PER_MEMBER);
        assertThat(tokens.tokens(ada.id())).isEmpty();
    }

    private Member member() {
        int n = NEXT_MEMBER.incrementAndGet();
        return members.create(new NewMember(new Email("holder" + n + "@example.org"), Handle.choose("holder" + n),
                new DisplayName("Holder " + n), Role.MEMBER, "hash", clock.instant(), Optional.empty()));
    }
}
