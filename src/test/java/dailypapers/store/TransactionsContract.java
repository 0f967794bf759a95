package dailypapers.store;

import static dailypapers.paper.PaperFixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.ingest.Checkpoint;
import dailypapers.ingest.TestClock;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperRecord;
import dailypapers.paper.PaperStore;
import dailypapers.paper.PaperStore.StoreCounts;
import dailypapers.paper.Transactions;
import dailypapers.search.VectorStore.StoredVector;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the transaction seam promises; run against SQLite and PostgreSQL. */
abstract class TransactionsContract extends DatabaseContract {

    private final TestClock clock = new TestClock(Instant.parse("2026-08-22T12:00:00Z"));
    private JdbiTransactions transactions;
    private JdbiPaperStore papers;

    protected TransactionsContract(TestDatabase kind) {
        super(kind);
    }

    @BeforeEach
    void open() {
        transactions = new JdbiTransactions(database(), clock);
        papers = new JdbiPaperStore(database(), clock);
    }

    @Test
    void writesThroughSeveralStoresCommitTogether() {
        PaperRecord record = paper().upvotes(3).build();
        ArxivId id = record.paper().id();

        transactions.run(tx -> {
            tx.papers().upsert(List.of(record));
            tx.papers().addVote(id, "alice");
            tx.vectors().save("model", List.of(new StoredVector(id, new float[] {1}, "h", null)));
            tx.checkpoints().saveCheckpoint("hf", new Checkpoint("2026-08-21", null, null), clock.instant());
        });

        assertThat(papers.find(id)).hasValueSatisfying(e -> assertThat(e.upvotes()).isEqualTo(4));
        assertThat(new JdbiVectorStore(database(), clock).count("model")).isEqualTo(1);
        assertThat(new JdbiCheckpointStore(database()).checkpoint("hf")).isPresent();
    }

    /**
     * The first transaction votes for X, then for Z; the second starts while the first holds X and votes for Z.
     * Each vote updates the data version row; unless every writer takes that row first, the second holds Z and
     * waits for the row while the first holds the row and waits for Z, and PostgreSQL aborts one as a deadlock.
     */
    @Test
    void writersThatTouchTheSamePapersInAnotherOrderNeverDeadlock() throws Exception {
        PaperRecord paperX = paper().upvotes(0).build();
        PaperRecord paperZ = paper().upvotes(0).build();
        papers.upsert(List.of(paperX, paperZ));
        ArxivId x = paperX.paper().id();
        ArxivId z = paperZ.paper().id();
        CountDownLatch firstHoldsX = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> transactions.run(tx -> {
                tx.papers().addVote(x, "first");
                firstHoldsX.countDown();
                sleepQuietly(500);
                tx.papers().addVote(z, "first");
            }));
            firstHoldsX.await(10, TimeUnit.SECONDS);
            Future<?> second = pool.submit(() -> transactions.run(tx -> {
                tx.papers().addVote(z, "second");
                tx.papers().addVote(x, "second");
            }));

            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(papers.find(x)).hasValueSatisfying(e -> assertThat(e.upvotes()).isEqualTo(2));
        assertThat(papers.find(z)).hasValueSatisfying(e -> assertThat(e.upvotes()).isEqualTo(2));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFailureRollsBackEveryStoresWrites() {
        PaperRecord stored = paper().upvotes(3).featuredOn(LocalDate.of(2026, 8, 21)).build();
        papers.upsert(List.of(stored));
        PaperRecord added = paper().build();

        assertThatThrownBy(() -> transactions.run(tx -> {
            tx.papers().upsert(List.of(added));
            tx.papers().addVote(stored.paper().id(), "alice");
            tx.vectors().save("model", List.of(new StoredVector(added.paper().id(), new float[] {1}, "h", null)));
            tx.checkpoints().saveCheckpoint("hf", new Checkpoint("2026-08-21", null, null), clock.instant());
            throw new IllegalStateException("fails after writing");
        })).hasMessage("fails after writing");

        assertThat(papers.find(added.paper().id())).isEmpty();
        assertThat(papers.find(stored.paper().id())).hasValueSatisfying(e -> assertThat(e.upvotes()).isEqualTo(3));
        assertThat(papers.counts()).isEqualTo(new StoreCounts(1, 1));
        assertThat(new JdbiVectorStore(database(), clock).count("model")).isZero();
        assertThat(new JdbiCheckpointStore(database()).checkpoint("hf")).isEmpty();
    }

    @Test
    void aTransactionStartedInsideAnotherJoinsIt() {
        PaperRecord outer = paper().build();
        PaperRecord inner = paper().build();

        assertThatThrownBy(() -> transactions.run(tx -> {
            tx.papers().upsert(List.of(outer));
            // On SQLite a second transaction would wait for the first one's write lock and time out.
            transactions.run(nested -> {
                assertThat(nested.papers().find(outer.paper().id())).as("the outer write").isPresent();
                nested.papers().upsert(List.of(inner));
            });
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");

        assertThat(papers.find(inner.paper().id())).as("rolled back with the outer transaction").isEmpty();
        assertThat(papers.find(outer.paper().id())).isEmpty();
    }

    @Test
    void aViewHandsOutOneStoreOfTheTransaction() {
        Transactions<PaperStore> paperTransactions = transactions.view(StoreTx::papers);
        PaperRecord record = paper().upvotes(1).build();

        paperTransactions.run(store -> {
            store.upsert(List.of(record));
            store.addVote(record.paper().id(), "alice");
        });

        assertThat(papers.find(record.paper().id())).hasValueSatisfying(e -> assertThat(e.upvotes()).isEqualTo(2));
    }

    /**
     * Two transactions that each read, then write. A deferred SQLite transaction would fail on its first write
     * with SQLITE_BUSY, without waiting, once the other had committed after its read.
     */
    @Test
    void concurrentWritersWaitForEachOtherInsteadOfFailing() throws Exception {
        PaperRecord record = paper().upvotes(0).build();
        ArxivId id = record.paper().id();
        papers.upsert(List.of(record));
        CountDownLatch firstHasRead = new CountDownLatch(1);
        CountDownLatch secondHasVoted = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> first = other.submit(() -> transactions.inTransaction(tx -> {
                tx.papers().find(id);
                firstHasRead.countDown();
                awaitQuietly(secondHasVoted, 300);
                return tx.papers().addVote(id, "first");
            }));
            assertThat(firstHasRead.await(10, TimeUnit.SECONDS)).isTrue();
            boolean secondVoted = transactions.inTransaction(tx -> tx.papers().addVote(id, "second"));
            assertThat(secondVoted).isTrue();
            secondHasVoted.countDown();
            assertThat(first.get(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            other.shutdownNow();
        }
        assertThat(papers.find(id)).hasValueSatisfying(e -> assertThat(e.upvotes()).isEqualTo(2));
    }

    private static void awaitQuietly(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
