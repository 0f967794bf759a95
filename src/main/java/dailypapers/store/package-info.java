/**
 * Persistence: {@link dailypapers.store.Database} opens SQLite (WAL, transactions begin {@code IMMEDIATE}) or
 * PostgreSQL and applies the Flyway migrations in {@code db/migration} (plus {@code db/sqlite} or
 * {@code db/postgresql} for triggers, and V26 in Java, {@code TrendingScoreMigration}); the {@code Jdbi…Store}
 * classes implement each feature's store interface in SQL both dialects run.
 *
 * <p>Start with {@link dailypapers.store.JdbiTransactions}, the transaction seam: {@code transactions.run(tx -> …)}
 * hands out a {@link dailypapers.store.StoreTx} whose stores all write through one handle, so their writes commit
 * together; a feature is given a {@link dailypapers.paper.Transactions#view view} of the stores it uses. Built on
 * the {@link dailypapers.store.Database} instead, each store call runs in a transaction of its own.
 */
package dailypapers.store;
