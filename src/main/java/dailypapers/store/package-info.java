/**
 * Persistence: {@link dailypapers.store.Database} opens SQLite (WAL) or PostgreSQL and applies the Flyway migrations in
 * {@code db/migration}; {@link dailypapers.store.JdbiPaperStore} implements the paper store in SQL both dialects run.
 */
package dailypapers.store;
