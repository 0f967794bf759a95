package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.account.AccountStore.NewMember;
import dailypapers.account.DisplayName;
import dailypapers.account.Email;
import dailypapers.account.Handle;
import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperFixtures;
import dailypapers.paper.PaperRecord;
import dailypapers.submission.Claim;
import dailypapers.submission.ClaimState;
import dailypapers.submission.ClaimStore.ConfirmedAuthor;
import dailypapers.submission.MemberName;
import dailypapers.submission.SubmissionException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link dailypapers.submission.ClaimStore} must do; run against SQLite and PostgreSQL. */
abstract class ClaimStoreContract extends DatabaseContract {

    private static final Instant AT = Instant.parse("2026-11-30T09:15:30Z");

    private JdbiClaimStore store;
    private JdbiPaperStore papers;
    private Member ada;
    private Member bob;
    private Member moderator;

    protected ClaimStoreContract(TestDatabase kind) {
        super(kind);
    }

    @BeforeEach
    void open() {
        store = new JdbiClaimStore(database());
        papers = new JdbiPaperStore(database(), Clock.fixed(AT, ZoneOffset.UTC));
        JdbiAccountStore accounts = new JdbiAccountStore(database());
        ada = accounts.create(member("ada", "Ada Lovelace", Role.MEMBER));
        bob = accounts.create(member("bob", "Bob", Role.MEMBER));
        moderator = accounts.create(member("morgan", "Morgan", Role.MODERATOR));
    }

    private static NewMember member(String handle, String name, Role role) {
        return new NewMember(new Email(handle + "@example.org"), Handle.choose(handle), new DisplayName(name), role,
                "hash", AT, Optional.empty());
    }

    private ArxivId stored(PaperFixtures.Builder paper) {
        PaperRecord record = paper.build();
        papers.upsert(List.of(record));
        return record.paper().id();
    }

    @Test
    void aClaimWaitsInTheQueueWithWhoMadeItAndThePapersTitle() {
        ArxivId id = stored(PaperFixtures.paper().title("Analytical Engines").authors("Ada Lovelace", "Bob"));

        Claim claim = store.create(id, ada.id(), "Ada Lovelace", AT).orElseThrow();

        assertThat(claim.state()).isEqualTo(ClaimState.PENDING);
        assertThat(store.find(claim.id())).contains(claim);
        assertThat(store.claims(id, ada.id())).containsExactly(claim);
        var pending = store.pending(10);
        assertThat(pending).hasSize(1);
        assertThat(pending.getFirst().claim()).isEqualTo(claim);
        assertThat(pending.getFirst().member()).isEqualTo(new MemberName(ada.id(), "ada", "Ada Lovelace"));
        assertThat(pending.getFirst().paperTitle()).isEqualTo("Analytical Engines");
        assertThat(store.confirmedAuthors(id)).isEmpty();
    }

    @Test
    void aMemberHasOneOpenClaimPerPaperAndMayClaimAgainAfterARejection() {
        ArxivId id = stored(PaperFixtures.paper().authors("Ada Lovelace", "A. Lovelace"));
        Claim first = store.create(id, ada.id(), "Ada Lovelace", AT).orElseThrow();

        assertThat(store.create(id, ada.id(), "A. Lovelace", AT)).as("pending").isEmpty();
        assertThat(store.decide(first.id(), ClaimState.REJECTED, moderator.id(), AT)).isTrue();
        Claim second = store.create(id, ada.id(), "A. Lovelace", AT.plusSeconds(1)).orElseThrow();
        assertThat(store.decide(second.id(), ClaimState.CONFIRMED, moderator.id(), AT)).isTrue();
        assertThat(store.create(id, ada.id(), "Ada Lovelace", AT)).as("confirmed").isEmpty();
        assertThat(store.create(id, bob.id(), "Ada Lovelace", AT)).as("another member's claim").isPresent();
    }

    @Test
    void aConfirmedClaimMakesItsMemberAnAuthorOfThePaperAndListsThePaperAsTheirs() {
        ArxivId older = stored(PaperFixtures.paper().published(LocalDate.of(2026, 1, 1)).authors("Ada Lovelace"));
        ArxivId newer = stored(PaperFixtures.paper().published(LocalDate.of(2026, 2, 1)).authors("Ada Lovelace"));
        long version = papers.dataVersion();
        for (ArxivId id : List.of(older, newer)) {
            Claim claim = store.create(id, ada.id(), "Ada Lovelace", AT).orElseThrow();
            assertThat(store.decide(claim.id(), ClaimState.CONFIRMED, moderator.id(), AT.plusSeconds(5))).isTrue();
        }

        assertThat(papers.dataVersion()).isGreaterThan(version);
        assertThat(store.confirmedAuthors(older)).containsExactly(ada.id());
        assertThat(store.confirmedAuthorNames(older)).containsExactly(
                new ConfirmedAuthor("Ada Lovelace", new MemberName(ada.id(), "ada", "Ada Lovelace")));
        assertThat(store.confirmedPapers(ada.id(), 10)).containsExactly(newer, older);
        assertThat(store.confirmedPapers(bob.id(), 10)).isEmpty();
        Claim decided = store.claims(older, ada.id()).getFirst();
        assertThat(decided.decidedBy()).contains(moderator.id());
        assertThat(decided.decidedAt()).contains(AT.plusSeconds(5));
        assertThat(store.pending(10)).isEmpty();
    }

    @Test
    void aDecidedClaimIsNotDecidedAgain() {
        ArxivId id = stored(PaperFixtures.paper().authors("Ada Lovelace"));
        Claim claim = store.create(id, ada.id(), "Ada Lovelace", AT).orElseThrow();
        store.decide(claim.id(), ClaimState.REJECTED, moderator.id(), AT);

        assertThat(store.decide(claim.id(), ClaimState.CONFIRMED, moderator.id(), AT)).isFalse();
        assertThat(store.find(claim.id()).orElseThrow().state()).isEqualTo(ClaimState.REJECTED);
        assertThat(store.decide(claim.id() + 100, ClaimState.CONFIRMED, moderator.id(), AT)).isFalse();
    }

    @Test
    void oneAuthorNameIsConfirmedForOneMemberOnly() {
        ArxivId id = stored(PaperFixtures.paper().authors("Ada Lovelace"));
        Claim ada1 = store.create(id, ada.id(), "Ada Lovelace", AT).orElseThrow();
        Claim bob1 = store.create(id, bob.id(), "Ada Lovelace", AT).orElseThrow();
        store.decide(ada1.id(), ClaimState.CONFIRMED, moderator.id(), AT);

        assertThatThrownBy(() -> store.decide(bob1.id(), ClaimState.CONFIRMED, moderator.id(), AT))
                .isInstanceOfSatisfying(SubmissionException.class,
                        e -> assertThat(e.code()).isEqualTo(SubmissionException.Code.AUTHOR_TAKEN));
        assertThat(store.find(bob1.id()).orElseThrow().state()).isEqualTo(ClaimState.PENDING);
        assertThat(store.confirmedAuthors(id)).containsExactly(ada.id());
        assertThat(store.claims(id, bob.id())).extracting(Claim::decidedBy).containsExactly(Optional.empty());
    }
}
