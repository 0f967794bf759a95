package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.account.AccountStore.NewMember;
import dailypapers.account.DisplayName;
import dailypapers.account.Email;
import dailypapers.account.Handle;
import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.feed.TrendingScore;
import dailypapers.paper.ArxivId;
import dailypapers.paper.FeaturedQuery;
import dailypapers.paper.PaperFixtures;
import dailypapers.paper.PaperRecord;
import dailypapers.submission.FeaturedBy;
import dailypapers.submission.MemberName;
import dailypapers.submission.Submission;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

/** What every {@link dailypapers.submission.SubmissionStore} must do; run against SQLite and PostgreSQL. */
abstract class SubmissionStoreContract extends DatabaseContract {

    private static final Instant AT = Instant.parse("2026-11-30T09:15:30.123Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    private JdbiSubmissionStore store;
    private JdbiPaperStore papers;
    private Member ada;
    private Member bob;

    protected SubmissionStoreContract(TestDatabase kind) {
        super(kind);
    }

    @BeforeEach
    void open() {
        store = new JdbiSubmissionStore(database());
        papers = new JdbiPaperStore(database(), Clock.fixed(AT, ZoneOffset.UTC));
        JdbiAccountStore accounts = new JdbiAccountStore(database());
        ada = accounts.create(member("ada", "Ada Lovelace"));
        bob = accounts.create(member("bob", "Bob"));
    }

    private static NewMember member(String handle, String name) {
        return new NewMember(new Email(handle + "@example.org"), Handle.choose(handle), new DisplayName(name),
                Role.MEMBER, "hash", AT, Optional.of(AT));
    }

    private ArxivId stored(PaperFixtures.Builder paper) {
        PaperRecord record = paper.build();
        papers.upsert(List.of(record));
        return record.paper().id();
    }

    @Test
    void aSubmissionFeaturesThePaperOnItsDayWithTheMembersNameAndMovesTheDataVersion() {
        ArxivId id = stored(PaperFixtures.paper().upvotes(4));
        long version = papers.dataVersion();

        Submission submission = store.feature(id, ada.id(), "ada", DAY, AT).orElseThrow();

        assertThat(submission.paper()).isEqualTo(id);
        assertThat(submission.isHidden()).isFalse();
        assertThat(store.find(submission.id())).contains(submission);
        assertThat(papers.dataVersion()).isGreaterThan(version);
        var entry = papers.find(id).orElseThrow();
        assertThat(entry.featuring().orElseThrow().day()).isEqualTo(DAY);
        assertThat(entry.featuring().orElseThrow().submittedBy()).isEqualTo("ada");
        assertThat(papers.featured(FeaturedQuery.between(DAY, DAY.plusDays(1)), 0, 10)).extracting(e -> e.upvotes())
                .containsExactly(4);
        double trending = database().jdbi().withHandle(h -> h.createQuery(
                "SELECT trending FROM featured WHERE paper_id = :id").bind("id", id.value()).mapTo(Double.class).one());
        assertThat(trending).as("scored at the instant of submission").isEqualTo(TrendingScore.score(4, AT));
        MemberName name = new MemberName(ada.id(), "ada", "Ada Lovelace");
        assertThat(store.featuredBy(id)).contains(new FeaturedBy(id, DAY, Optional.of(name),
                Optional.of(submission.id())));
        assertThat(store.submitters(List.of(id, new ArxivId("2601.99999")))).containsOnlyKeys(id).containsEntry(id,
                name);
    }

    @Test
    void aPaperFeaturedAlreadyIsNotFeaturedAgainAndItsFeaturingSaysHuggingFace() {
        ArxivId id = stored(PaperFixtures.paper().featuredOn(LocalDate.of(2026, 11, 28)).submittedBy("akhaliq"));

        assertThat(store.feature(id, ada.id(), "ada", DAY, AT)).isEmpty();

        assertThat(store.byMember(ada.id(), 10)).isEmpty();
        assertThat(store.featuredBy(id)).contains(new FeaturedBy(id, LocalDate.of(2026, 11, 28), Optional.empty(),
                Optional.empty()));
        assertThat(store.submitters(List.of(id))).isEmpty();
    }

    @Test
    void twoMembersRacingToSubmitOnePaperFeatureItOnce() throws Exception {
        ArxivId id = stored(PaperFixtures.paper());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Optional<Submission>>> results = new ArrayList<>();
            for (Member member : List.of(ada, bob)) {
                Callable<Optional<Submission>> submit = () -> {
                    start.await();
                    return store.feature(id, member.id(), member.handle().value(), DAY, AT);
                };
                results.add(threads.submit(submit));
            }
            start.countDown();
            int featured = 0;
            for (Future<Optional<Submission>> result : results) {
                featured += result.get().isPresent() ? 1 : 0;
            }
            assertThat(featured).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(store.byMember(ada.id(), 10).size() + store.byMember(bob.id(), 10).size()).isEqualTo(1);
    }

    @Test
    void theDailyCountIsPerMemberAndDay() {
        store.feature(stored(PaperFixtures.paper()), ada.id(), "ada", DAY, AT);
        store.feature(stored(PaperFixtures.paper()), ada.id(), "ada", DAY, AT.plusSeconds(1));
        store.feature(stored(PaperFixtures.paper()), ada.id(), "ada", DAY.plusDays(1), AT.plusSeconds(86_400));
        store.feature(stored(PaperFixtures.paper()), bob.id(), "bob", DAY, AT);

        assertThat(store.countOn(ada.id(), DAY)).isEqualTo(2);
        assertThat(store.countOn(bob.id(), DAY)).isEqualTo(1);
        assertThat(store.countOn(ada.id(), DAY.minusDays(1))).isZero();
        assertThat(store.byMember(ada.id(), 10)).extracting(Submission::day)
                .containsExactly(DAY.plusDays(1), DAY, DAY);
    }

    @Test
    void hidingASubmissionTakesItsPaperOffTheListingsOnceAndKeepsTheReason() {
        ArxivId id = stored(PaperFixtures.paper());
        Submission submission = store.feature(id, ada.id(), "ada", DAY, AT).orElseThrow();
        long version = papers.dataVersion();

        assertThat(store.hide(submission.id(), AT.plusSeconds(60), "spam")).isTrue();

        Submission hidden = store.find(submission.id()).orElseThrow();
        assertThat(hidden.hiddenAt()).contains(AT.plusSeconds(60));
        assertThat(hidden.hiddenReason()).contains("spam");
        assertThat(papers.featured(FeaturedQuery.between(DAY, DAY.plusDays(1)), 0, 10)).isEmpty();
        assertThat(papers.find(id).orElseThrow().featuring()).isEmpty();
        assertThat(store.featuredBy(id)).isEmpty();
        assertThat(store.submitters(List.of(id))).isEmpty();
        assertThat(papers.dataVersion()).isGreaterThan(version);
        assertThat(store.hide(submission.id(), AT.plusSeconds(120), "again")).isFalse();
        assertThat(store.hide(submission.id() + 100, AT, "none")).isFalse();
        assertThat(store.countOn(ada.id(), DAY)).as("hidden submissions still count against the cap").isEqualTo(1);
    }

    @Test
    void aHarvestThatFeaturesTheSubmittedPaperOnHuggingFacesDayMakesItsFeaturingHuggingFaces() {
        PaperFixtures.Builder paper = PaperFixtures.paper();
        ArxivId id = stored(paper);
        Submission submission = store.feature(id, ada.id(), "ada", DAY, AT).orElseThrow();

        papers.upsert(List.of(paper.featuredOn(DAY.plusDays(1)).submittedBy("akhaliq").build()));

        assertThat(store.featuredBy(id)).contains(new FeaturedBy(id, DAY.plusDays(1), Optional.empty(),
                Optional.empty()));
        assertThat(store.submitters(List.of(id))).isEmpty();
        assertThat(store.hide(submission.id(), AT, "late")).isTrue();
        assertThat(papers.find(id).orElseThrow().featuring()).as("Hugging Face's featuring stays").isPresent();
    }
}
