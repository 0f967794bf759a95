package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.account.AccountException;
import dailypapers.account.AccountStore.MemberSession;
import dailypapers.account.AccountStore.NewMember;
import dailypapers.account.AccountStore.StoredLinkToken;
import dailypapers.account.AccountStore.StoredSession;
import dailypapers.account.AccountStore.Tombstone;
import dailypapers.account.DisplayName;
import dailypapers.account.Email;
import dailypapers.account.Handle;
import dailypapers.account.LinkPurpose;
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
    void aSessionIsFoundWithItsMemberByItsTokenHashTouchedAndDeleted() {
        Member ada = store.create(newMember("ada@example.org", "ada", Role.MEMBER));
        store.create(newMember("bob@example.org", "bob", Role.MEMBER));
        StoredSession session = session("aa", ada, T0);

        store.createSession(session);
        assertThat(store.session("aa")).contains(new MemberSession(session, ada));
        assertThat(store.session("bb")).isEmpty();

        store.touchSession("aa", T0.plusSeconds(600));
        assertThat(store.session("aa").orElseThrow().session().lastSeenAt()).isEqualTo(T0.plusSeconds(600));

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

    @Test
    void aLinkIsUsedOnceAndOnlyForItsPurpose() {
        Member ada = store.create(newMember("ada@example.org", "ada", Role.MEMBER));
        StoredLinkToken link = link("l1", ada, LinkPurpose.CHANGE_EMAIL, Optional.of(new Email("new@example.org")));
        store.addLinkToken(link);

        assertThat(store.linkToken("l1")).contains(link);
        assertThat(store.useLinkToken("l1", LinkPurpose.SIGN_IN)).isEmpty();
        assertThat(store.useLinkToken("l1", LinkPurpose.CHANGE_EMAIL)).contains(link);
        assertThat(store.useLinkToken("l1", LinkPurpose.CHANGE_EMAIL)).isEmpty();
        assertThat(store.linkToken("l1")).isEmpty();
    }

    @Test
    void ofManyConcurrentUsesOfOneLinkExactlyOneGetsIt() throws Exception {
        Member ada = store.create(newMember("ada@example.org", "ada", Role.MEMBER));
        store.addLinkToken(link("race", ada, LinkPurpose.SIGN_IN, Optional.empty()));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return store.useLinkToken("race", LinkPurpose.SIGN_IN).isPresent();
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNewLinkRemovesTheMembersExpiredOnesAndLinksAreDeletedByPurpose() {
        Member ada = store.create(newMember("ada@example.org", "ada", Role.MEMBER));
        store.addLinkToken(link("old", ada, LinkPurpose.SIGN_IN, Optional.empty()));
        store.addLinkToken(link("reset", ada, LinkPurpose.RESET_PASSWORD, Optional.empty()));
        StoredLinkToken later = new StoredLinkToken("new", ada.id(), LinkPurpose.SIGN_IN, Optional.empty(),
                T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(3)));

        store.addLinkToken(later);
        assertThat(store.linkToken("old")).as("expired an hour ago").isEmpty();

        store.deleteLinkTokens(ada.id(), LinkPurpose.SIGN_IN);
        assertThat(store.linkToken("new")).isEmpty();
        assertThat(store.linkToken("reset")).as("another purpose").isEmpty();
    }

    @Test
    void anEmailChangeIsRefusedWhenAnotherMemberHasTheAddress() {
        Member ada = store.create(newMember("ada@example.org", "ada", Role.MEMBER));
        store.create(newMember("bob@example.org", "bob", Role.MEMBER));

        assertThatThrownBy(() -> store.changeEmail(ada.id(), new Email("bob@example.org"), T0))
                .extracting(e -> ((AccountException) e).code()).isEqualTo(AccountException.Code.EMAIL_TAKEN);
        store.changeEmail(ada.id(), new Email("ada@example.org"), T0);
        store.changeEmail(ada.id(), new Email("ada2@example.org"), T0);

        Member moved = store.member(ada.id()).orElseThrow();
        assertThat(moved.email().value()).isEqualTo("ada2@example.org");
        assertThat(moved.emailVerifiedAt()).contains(T0);
    }

    @Test
    void aDeletedMemberKeepsOnlyTheTombstoneAndNewDisplayNamesBumpTheDataVersion() {
        Member ada = store.create(newMember("ada@example.org", "ada", Role.MEMBER));
        store.createSession(session("a1", ada, T0));
        store.addLinkToken(link("l1", ada, LinkPurpose.SIGN_IN, Optional.empty()));
        long version = dataVersion();

        assertThat(store.setDisplayName(ada.id(), new DisplayName("Ada L."))).isTrue();
        assertThat(dataVersion()).isGreaterThan(version);
        store.markEmailVerified(ada.id(), T0);
        store.markEmailVerified(ada.id(), T0.plusSeconds(5));
        assertThat(store.member(ada.id()).orElseThrow().emailVerifiedAt()).as("the first stays").contains(T0);

        store.delete(ada.id(), new Tombstone(new Email("gone-1@deleted.invalid"), Handle.tombstone(ada.id()),
                new DisplayName("deleted member"), T0));

        Member gone = store.member(ada.id()).orElseThrow();
        assertThat(gone.state()).isEqualTo(MemberState.DELETED);
        assertThat(gone.email().value()).isEqualTo("gone-1@deleted.invalid");
        assertThat(gone.displayName().value()).isEqualTo("deleted member");
        assertThat(gone.emailVerifiedAt()).isEmpty();
        assertThat(store.passwordHash(ada.id())).contains("");
        assertThat(store.session("a1")).isEmpty();
        assertThat(store.linkToken("l1")).isEmpty();
        assertThat(store.member(new Email("ada@example.org"))).isEmpty();
    }

    private long dataVersion() {
        return database().jdbi().withHandle(h -> h.createQuery("SELECT value FROM data_version").mapTo(Long.class)
                .one());
    }

    private static StoredLinkToken link(String tokenHash, Member member, LinkPurpose purpose,
            Optional<Email> newEmail) {
        return new StoredLinkToken(tokenHash, member.id(), purpose, newEmail, T0, T0.plus(Duration.ofHours(1)));
    }

    private static NewMember newMember(String email, String handle, Role role) {
        return new NewMember(new Email(email), new Handle(handle), new DisplayName(handle), role, "hash-" + handle,
                T0, Optional.empty());
    }

    private static StoredSession session(String tokenHash, Member member, Instant at) {
        return new StoredSession(tokenHash, member.id(), at, at, at.plus(Duration.ofDays(30)));
    }
}
