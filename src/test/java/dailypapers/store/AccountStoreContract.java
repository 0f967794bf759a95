package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.account.AccountException;
import dailypapers.account.AccountStore.NewMember;
import dailypapers.account.AccountStore.StoredSession;
import dailypapers.account.DisplayName;
import dailypapers.account.Email;
import dailypapers.account.Handle;
import dailypapers.account.Member;
import dailypapers.account.MemberState;
import dailypapers.account.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link dailypapers.account.AccountStore} must do; run against SQLite and PostgreSQL. */
abstract class AccountStoreContract extends DatabaseContract {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    private JdbiAccountStore store;

    protected AccountStoreContract(TestDatabase kind) {
        super(kind);
    }

    @BeforeEach
    void open() {
        store = new JdbiAccountStore(database());
    }

    @Test
    void aCreatedMemberIsReadBackByIdAndEmailWithItsHash() {
        Member created = store.create(newMember("Ada@Example.org", "ada", Role.ADMIN));

        assertThat(created.state()).isEqualTo(MemberState.ACTIVE);
        assertThat(created.emailVerifiedAt()).isEmpty();
        assertThat(store.member(created.id())).contains(created);
        assertThat(store.member(new Email("ADA@example.org"))).contains(created);
        assertThat(store.credentials(new Email("ada@example.org")).orElseThrow().passwordHash()).isEqualTo("hash-ada");
        assertThat(store.passwordHash(created.id())).contains("hash-ada");
        assertThat(store.member(created.id() + 1)).isEmpty();
        assertThat(store.credentials(new Email("nobody@example.org"))).isEmpty();
    }

    @Test
    void membersAreListedOldestFirst() {
        Member first = store.create(newMember("a@example.org", "first", Role.MEMBER));
        Member second = store.create(newMember("b@example.org", "second", Role.MEMBER));

        assertThat(store.members()).containsExactly(first, second);
    }

    @Test
    void anEmailIsTakenWhateverItsCaseAndAHandleWhateverItsLookAlikes() {
        store.create(newMember("ada@example.org", "ada_l", Role.MEMBER));

        assertThatThrownBy(() -> store.create(newMember("ADA@EXAMPLE.ORG", "other", Role.MEMBER)))
                .isInstanceOf(AccountException.class).extracting(e -> ((AccountException) e).code())
                .isEqualTo(AccountException.Code.EMAIL_TAKEN);
        assertThatThrownBy(() -> store.create(newMember("other@example.org", "ada-1", Role.MEMBER)))
                .isInstanceOf(AccountException.class).extracting(e -> ((AccountException) e).code())
                .isEqualTo(AccountException.Code.HANDLE_TAKEN);
        assertThat(store.members()).hasSize(1);
    }

    @Test
    void ofManyConcurrentSignUpsWithOneEmailOrHandleExactlyOneSucceeds() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<AccountException.Code>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                // Even threads race for one email, odd ones for one handle.
                NewMember member = n % 2 == 0 ? newMember("race@example.org", "racer" + n, Role.MEMBER)
                        : newMember("racer" + n + "@example.org", "same-handle", Role.MEMBER);
                Callable<Optional<AccountException.Code>> signUp = () -> {
                    start.await();
                    try {
                        store.create(member);
                        return Optional.empty();
                    } catch (AccountException e) {
                        return Optional.of(e.code());
                    }
                };
                results.add(pool.submit(signUp));
            }
            start.countDown();
            List<Optional<AccountException.Code>> codes = new ArrayList<>();
            for (Future<Optional<AccountException.Code>> result : results) {
                codes.add(result.get());
            }
            assertThat(codes.stream().filter(Optional::isEmpty)).hasSize(2);
            assertThat(codes.stream().flatMap(Optional::stream)).containsExactlyInAnyOrder(
                    AccountException.Code.EMAIL_TAKEN, AccountException.Code.EMAIL_TAKEN,
                    AccountException.Code.EMAIL_TAKEN, AccountException.Code.HANDLE_TAKEN,
                    AccountException.Code.HANDLE_TAKEN, AccountException.Code.HANDLE_TAKEN);
            assertThat(store.members()).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSessionIsFoundByItsTokenHashTouchedAndDeleted() {
        Member ada = store.create(newMember("ada@example.org", "ada", Role.MEMBER));
        StoredSession session = session("aa", ada, T0);

        store.createSession(session);
        assertThat(store.session("aa")).contains(session);
        assertThat(store.session("bb")).isEmpty();

        store.touchSession("aa", T0.plusSeconds(600));
        assertThat(store.session("aa").orElseThrow().lastSeenAt()).isEqualTo(T0.plusSeconds(600));

        store.deleteSession("aa");
        assertThat(store.session("aa")).isEmpty();
    }

    @Test
    void deletingAMembersSessionsLeavesOtherMembersSessions() {
        Member ada = store.create(newMember("ada@example.org", "ada", Role.MEMBER));
        Member bob = store.create(newMember("bob@example.org", "bob", Role.MEMBER));
        store.createSession(session("a1", ada, T0));
        store.createSession(session("a2", ada, T0));
        store.createSession(session("b1", bob, T0));

        assertThat(store.deleteSessions(ada.id())).isEqualTo(2);

        assertThat(store.session("a1")).isEmpty();
        assertThat(store.session("a2")).isEmpty();
        assertThat(store.session("b1")).isPresent();
    }

    @Test
    void aNewSessionRemovesTheMembersExpiredOnes() {
        Member ada = store.create(newMember("ada@example.org", "ada", Role.MEMBER));
        store.createSession(session("old", ada, T0));
        Instant later = T0.plus(Duration.ofDays(31));

        store.createSession(session("new", ada, later));

        assertThat(store.session("old")).as("expired a day ago").isEmpty();
        assertThat(store.session("new")).isPresent();
    }

    @Test
    void aBanEndsEverySessionAndAPasswordReplacementToo() {
        Member ada = store.create(newMember("ada@example.org", "ada", Role.MEMBER));
        store.createSession(session("a1", ada, T0));

        store.replacePassword(ada.id(), "hash-new");
        assertThat(store.session("a1")).isEmpty();
        assertThat(store.passwordHash(ada.id())).contains("hash-new");

        store.createSession(session("a2", ada, T0));
        store.rehash(ada.id(), "hash-rehashed");
        assertThat(store.session("a2")).as("a rehash keeps sessions").isPresent();
        assertThat(store.passwordHash(ada.id())).contains("hash-rehashed");

        assertThat(store.ban(ada.id())).isTrue();
        assertThat(store.member(ada.id()).orElseThrow().state()).isEqualTo(MemberState.BANNED);
        assertThat(store.session("a2")).isEmpty();
        assertThat(store.ban(ada.id() + 1)).isFalse();
    }

    @Test
    void aRoleIsSet() {
        Member ada = store.create(newMember("ada@example.org", "ada", Role.MEMBER));

        assertThat(store.setRole(ada.id(), Role.MODERATOR)).isTrue();

        assertThat(store.member(ada.id()).orElseThrow().role()).isEqualTo(Role.MODERATOR);
        assertThat(store.setRole(ada.id() + 1, Role.ADMIN)).isFalse();
    }

    private static NewMember newMember(String email, String handle, Role role) {
        return new NewMember(new Email(email), new Handle(handle), new DisplayName(handle), role, "hash-" + handle,
                T0);
    }

    private static StoredSession session(String tokenHash, Member member, Instant at) {
        return new StoredSession(tokenHash, member.id(), at, at, at.plus(Duration.ofDays(30)));
    }
}
