package dailypapers.vote;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.account.AccountStore.NewMember;
import dailypapers.account.AccountStore.Tombstone;
import dailypapers.account.DisplayName;
import dailypapers.account.Email;
import dailypapers.account.Handle;
import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.feed.FeedService;
import dailypapers.feed.Page;
import dailypapers.feed.Period;
import dailypapers.ingest.TestClock;
import dailypapers.paper.ArxivId;
import dailypapers.paper.FeaturedQuery;
import dailypapers.paper.PaperEntry;
import dailypapers.paper.PaperRecord;
import dailypapers.store.JdbiAccountStore;
import dailypapers.store.JdbiPaperStore;
import dailypapers.store.JdbiTransactions;
import dailypapers.store.JdbiVoteStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The vote service over the real stores; run against SQLite and PostgreSQL. */
abstract class VoteServiceContract extends DatabaseContract {

    private static final LocalDate DAY = LocalDate.of(2026, 8, 20);
    private static final AtomicInteger NEXT_MEMBER = new AtomicInteger();

    private final TestClock clock = new TestClock(Instant.parse("2026-08-21T12:00:00Z"));
    private JdbiPaperStore papers;
    private JdbiAccountStore members;
    private VoteService votes;

    protected VoteServiceContract(TestDatabase kind) {
        super(kind);
    }

    @BeforeEach
    void open() {
        papers = new JdbiPaperStore(database(), clock);
        members = new JdbiAccountStore(database());
        votes = new VoteModule(new JdbiTransactions(database(), clock).view(tx -> new VoteTx(tx.papers(),
                tx.votes())), papers, new JdbiVoteStore(database()), clock).service();
    }

    @Test
    void anUpvoteCountsOnceHoweverOftenItIsSentAndAWithdrawalOnce() {
        ArxivId id = store(paper().featuredOn(DAY).upvotes(10).build());
        Member ada = member();

        assertThat(votes.set(ada.id(), id, true)).isEqualTo(new VoteResult(id, true, 11));
        assertThat(votes.set(ada.id(), id, true)).as("a double click").isEqualTo(new VoteResult(id, true, 11));
        assertThat(votes.hasUpvoted(ada.id(), id)).isTrue();
        assertThat(papers.find(id).orElseThrow().upvotes()).isEqualTo(11);

        assertThat(votes.set(ada.id(), id, false)).isEqualTo(new VoteResult(id, false, 10));
        assertThat(votes.set(ada.id(), id, false)).isEqualTo(new VoteResult(id, false, 10));
        assertThat(votes.hasUpvoted(ada.id(), id)).isFalse();
    }

    @Test
    void aBannedDeletedOrUnknownMemberCannotVote() {
        ArxivId id = store(paper().featuredOn(DAY).upvotes(3).build());
        Member mallory = member();
        votes.set(mallory.id(), id, true);
        members.ban(mallory.id());

        assertThatThrownBy(() -> votes.set(mallory.id(), id, false)).isInstanceOf(VoteException.class)
                .extracting(e -> ((VoteException) e).code()).isEqualTo(VoteException.Code.VOTER_NOT_ALLOWED);
        assertThatThrownBy(() -> votes.set(mallory.id() + 1000, id, true)).isInstanceOf(VoteException.class)
                .extracting(e -> ((VoteException) e).code()).isEqualTo(VoteException.Code.VOTER_NOT_ALLOWED);
        assertThat(papers.find(id).orElseThrow().upvotes()).as("the ban keeps the vote cast before it").isEqualTo(4);
        Member gone = member();
        members.delete(gone.id(), new Tombstone(new Email("deleted-" + gone.id() + "@deleted.invalid"),
                Handle.tombstone(gone.id()), new DisplayName("deleted member"), clock.instant()));
        assertThatThrownBy(() -> votes.set(gone.id(), id, true)).isInstanceOf(VoteException.class)
                .extracting(e -> ((VoteException) e).code()).isEqualTo(VoteException.Code.VOTER_NOT_ALLOWED);
    }

    @Test
    void anUnknownPaperIsRefusedAndNothingIsWritten() {
        Member ada = member();
        long version = papers.dataVersion();

        assertThatThrownBy(() -> votes.set(ada.id(), ArxivId.parse("2608.99999"), true))
                .isInstanceOf(VoteException.class)
                .extracting(e -> ((VoteException) e).code()).isEqualTo(VoteException.Code.NO_SUCH_PAPER);
        assertThat(papers.dataVersion()).isEqualTo(version);
    }

    @Test
    void votingAPaperNeverFeaturedRanksItInTheNewListingOnly() {
        ArxivId featured = store(paper().featuredOn(DAY).published(DAY).upvotes(1).build());
        ArxivId unfeatured = store(paper().published(DAY).upvotes(0).build());
        Member ada = member();
        Member bob = member();
        votes.set(ada.id(), unfeatured, true);
        votes.set(bob.id(), unfeatured, true);
        FeedService feed = new FeedService(papers);

        assertThat(feed.featured(Period.day(DAY), 0, 50).page().items()).extracting(e -> e.paper().id())
                .containsExactly(featured);
        assertThat(feed.trending(0, 50).items()).extracting(t -> t.entry().paper().id()).containsExactly(featured);
        assertThat(papers.featuredCountsByDay(DAY, DAY.plusDays(1))).containsEntry(DAY, 1);
        List<PaperEntry> newest = feed.published(DAY, Optional.empty(), 0, 50).page().items();
        assertThat(newest).filteredOn(e -> e.paper().id().equals(unfeatured))
                .singleElement().satisfies(e -> {
                    assertThat(e.upvotes()).isEqualTo(2);
                    assertThat(e.featuring()).isEmpty();
                });
    }

    @Test
    void whichPapersOfAPageAMemberUpvotedTakesOneQuery() {
        List<ArxivId> page = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            page.add(store(paper().featuredOn(DAY).build()));
        }
        Member ada = member();
        Member bob = member();
        votes.set(ada.id(), page.get(3), true);
        votes.set(ada.id(), page.get(17), true);
        votes.set(bob.id(), page.get(5), true);
        List<String> statements = new CopyOnWriteArrayList<>();
        database().jdbi().getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });

        assertThat(votes.upvotedAmong(ada.id(), page)).containsExactlyInAnyOrder(page.get(3), page.get(17));
        assertThat(statements).hasSize(1);
        assertThat(votes.upvotedAmong(ada.id(), List.of())).isEmpty();
        assertThat(statements).as("an empty page asks nothing").hasSize(1);
    }

    @Test
    void theUpvotedPapersComeNewestVoteFirstAndPaged() {
        ArxivId first = store(paper().featuredOn(DAY).build());
        ArxivId second = store(paper().build());
        ArxivId third = store(paper().featuredOn(DAY).build());
        Member ada = member();
        Member bob = member();
        votes.set(ada.id(), first, true);
        // Within one second: stored text must still order as time does (".5Z" sorts before "Z" as plain text).
        clock.advance(Duration.ofMillis(500));
        votes.set(ada.id(), second, true);
        clock.advance(Duration.ofMillis(500));
        votes.set(ada.id(), third, true);
        votes.set(bob.id(), first, true);

        Page<Upvote> page0 = votes.upvotedBy(ada.id(), 0, 2);
        Page<Upvote> page1 = votes.upvotedBy(ada.id(), 1, 2);

        assertThat(page0.items()).extracting(u -> u.entry().paper().id()).containsExactly(third, second);
        assertThat(page0.items()).extracting(Upvote::upvotedAt)
                .containsExactly(clock.instant(), clock.instant().minusMillis(500));
        assertThat(page0.total()).isEqualTo(3);
        assertThat(page0.hasNext()).isTrue();
        assertThat(page1.items()).extracting(u -> u.entry().paper().id()).containsExactly(first);
        assertThat(page1.hasNext()).isFalse();
        assertThat(votes.upvotedBy(bob.id(), 0, 10).items()).extracting(u -> u.entry().paper().id())
                .containsExactly(first);
    }

    @Test
    void concurrentVotesByManyMembersCountExactlyEvenWhenSentTwice() throws Exception {
        ArxivId id = store(paper().featuredOn(DAY).upvotes(100).build());
        List<Member> voters = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            voters.add(member());
        }
        runConcurrently(id, voters, true);
        assertThat(papers.find(id).orElseThrow().upvotes()).isEqualTo(100 + voters.size());
        assertThat(papers.featured(FeaturedQuery.between(DAY, DAY.plusDays(1)), 0, 10))
                .singleElement().extracting(PaperEntry::upvotes).isEqualTo(100 + voters.size());

        runConcurrently(id, voters.subList(0, 5), false);
        assertThat(papers.find(id).orElseThrow().upvotes()).isEqualTo(100 + voters.size() - 5);
    }

    /** Each member sends the same vote twice at once, all members at once. */
    private void runConcurrently(ArxivId id, List<Member> voters, boolean upvoted) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<VoteResult>> results = new ArrayList<>();
            for (Member voter : voters) {
                for (int twice = 0; twice < 2; twice++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return votes.set(voter.id(), id, upvoted);
                    }));
                }
            }
            start.countDown();
            for (Future<VoteResult> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS).upvoted()).isEqualTo(upvoted);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private ArxivId store(PaperRecord record) {
        papers.upsert(List.of(record));
        return record.paper().id();
    }

    private Member member() {
        int n = NEXT_MEMBER.incrementAndGet();
        return members.create(new NewMember(new Email("voter" + n + "@example.org"), Handle.choose("voter" + n),
                new DisplayName("Voter " + n), Role.MEMBER, "hash", clock.instant(), Optional.empty()));
    }
}
