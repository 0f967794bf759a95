package dailypapers.store;

import dailypapers.paper.Transactions;
import java.time.Clock;
import java.util.function.Function;

/**
 * {@link Transactions} over JDBI: each transaction opens one handle and hands out the stores bound to it. JDBI
 * keeps the open handle per thread, so a transaction started inside another on the same thread joins it.
 * On SQLite every transaction begins {@code IMMEDIATE} (see {@link Database}): it takes the write lock up front,
 * waiting up to the busy timeout for another writer, instead of failing with {@code SQLITE_BUSY} when it
 * would upgrade a read to a write after another writer committed.
 */
public final class JdbiTransactions implements Transactions<StoreTx> {

    private final Database database;
    private final Clock clock;

    public JdbiTransactions(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public <R> R inTransaction(Function<? super StoreTx, ? extends R> work) {
        return database.inWriteTransaction(handle -> {
            HandleSource shared = new HandleSource.SharedTransaction(handle, database.isSqlite());
            return work.apply(new StoreTx(new JdbiPaperStore(shared, clock), new JdbiVectorStore(shared, clock),
                    new JdbiSearchStore(shared), new JdbiCheckpointStore(shared),
                    new JdbiOutboxStore(shared), new JdbiAuditStore(shared), new JdbiAccountStore(shared),
                    new JdbiVoteStore(shared), new JdbiSubmissionStore(shared), new JdbiClaimStore(shared),
                    new JdbiCommentStore(shared), new JdbiModerationStore(shared),
                    new JdbiSubscriptionStore(shared)));
        });
    }
}
