package dailypapers.store;

import static dailypapers.text.Messages.rootMessage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dailypapers.AppVersion;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbc.JdbcLockProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * An open, migrated database: a connection pool, Flyway migrations applied, and a {@link Jdbi} over it.
 * SQLite runs in WAL mode so readers never wait for the importer, and begins every transaction {@code IMMEDIATE}:
 * a writer takes the write lock before its first read and waits up to the busy timeout for another writer. A
 * deferred transaction that read first and then wrote would fail at once with {@code SQLITE_BUSY} (the busy
 * timeout does not apply) whenever another writer had committed since its read.
 * Migrations are in {@code db/migration}, plus {@code db/sqlite} or {@code db/postgresql} for what the two
 * dialects spell differently (triggers), and {@link TrendingScoreMigration} (V26) for one that computes in Java.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean sqlite;

    private Database(HikariDataSource dataSource, boolean sqlite) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.sqlite = sqlite;
    }

    /**
     * Called before migrations bring a database forward from an older schema, with the database's version and the
     * one it is migrated to; throwing stops the upgrade before it begins.
     */
    @FunctionalInterface
    public interface BeforeUpgrade {
        BeforeUpgrade NONE = (from, to) -> { };

        void prepare(int from, int to);
    }

    /** Opens the pool and applies pending migrations; fails with a {@link DatabaseException} that says why. */
    public static Database open(DatabaseConfig config, MeterRegistry metrics) {
        return open(config, metrics, BeforeUpgrade.NONE);
    }

    /**
     * As {@link #open(DatabaseConfig, MeterRegistry)}, refusing a database left by an unfinished restore or made by
     * a newer version, and calling {@code beforeUpgrade} before migrating an older one. All pending migrations run
     * in one transaction: a failure leaves the database as it was, never half-migrated.
     */
    public static Database open(DatabaseConfig config, MeterRegistry metrics, BeforeUpgrade beforeUpgrade) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("dailypapers");
        hikari.setConnectionTimeout(10_000);
        hikari.setMetricRegistry(metrics);
        if (config.isSqlite()) {
            createParentDirectory(config.url());
            Connections.SQLITE.forEach(hikari::addDataSourceProperty);
            hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        } else {
            // One multi-row INSERT per batch instead of one round trip per row.
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            throw new DatabaseException("cannot connect to the database at " + config.description() + ": "
                    + rootMessage(e), e);
        }
        try {
            Optional<Integer> applied = checkUsable(dataSource, config);
            if (applied.isPresent() && applied.get() < SchemaVersions.LATEST) {
                beforeUpgrade.prepare(applied.get(), SchemaVersions.LATEST);
            }
            flyway(dataSource, config.isSqlite()).group(true).load().migrate();
        } catch (FlywayException e) {
            dataSource.close();
            throw new DatabaseException("cannot migrate the database at " + config.description() + ": " + rootMessage(e), e);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, config.isSqlite());
    }

    /** The database's schema version, after refusing one a restore left unfinished or a newer version made. */
    private static Optional<Integer> checkUsable(DataSource dataSource, DatabaseConfig config) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<String> restore = DatabaseLoader.unfinishedRestore(connection);
            if (restore.isPresent()) {
                throw new DatabaseException("the database at " + config.description() + " holds an unfinished restore ("
                        + restore.get() + "), so it is incomplete: run the restore again with --force, or use another "
                        + "database");
            }
            Optional<Integer> applied = SchemaVersions.applied(connection);
            if (applied.isPresent() && applied.get() > SchemaVersions.LATEST) {
                throw new DatabaseException("the database at " + config.description() + " has schema version "
                        + applied.get() + ", newer than this Daily Papers " + AppVersion.current() + " knows (schema "
                        + SchemaVersions.LATEST + "): run the newer version that migrated it, or restore a backup "
                        + "taken before the upgrade");
            }
            return applied;
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the schema of the database at " + config.description() + ": "
                    + rootMessage(e), e);
        }
    }

    /** Flyway over this build's migrations for the dialect. */
    static FluentConfiguration flyway(DataSource dataSource, boolean sqlite) {
        return migrations(Flyway.configure().dataSource(dataSource), sqlite);
    }

    /** As {@link #flyway(DataSource, boolean)}, on connections of its own to the configured database. */
    static FluentConfiguration flyway(DatabaseConfig config) {
        return migrations(Flyway.configure().dataSource(config.url(), config.user(), config.password()),
                config.isSqlite());
    }

    private static FluentConfiguration migrations(FluentConfiguration flyway, boolean sqlite) {
        return flyway.locations("classpath:db/migration", sqlite ? "classpath:db/sqlite" : "classpath:db/postgresql")
                .javaMigrations(new TrendingScoreMigration(sqlite));
    }

    static void createParentDirectory(String url) {
        Path file = DatabaseConfig.sqliteFile(url);
        if (file == null) {
            return;
        }
        Path parent = file.getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new DatabaseException("cannot create the database directory " + parent + ": " + e.getMessage(), e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public boolean isSqlite() {
        return sqlite;
    }

    /**
     * Runs {@code work} in a transaction that writes what the pages show. On PostgreSQL it first locks the one
     * {@code data_version} row, which every such write updates (db/postgresql V14): taking it first gives those
     * writers one lock order, where two writers that each hold a paper row and then wait for the version row would
     * deadlock. SQLite's {@code IMMEDIATE} transactions already let one writer in at a time.
     */
    public <R> R inWriteTransaction(HandleCallback<R, RuntimeException> work) {
        return jdbi.inTransaction(handle -> {
            if (!sqlite) {
                handle.createQuery("SELECT value FROM data_version FOR UPDATE").mapTo(Long.class).one();
            }
            return work.withHandle(handle);
        });
    }

    /** The job scheduler's leases: ShedLock over the {@code job_lease} table. */
    public LockProvider leases() {
        return new JdbcLockProvider(dataSource, "job_lease");
    }

    /** True when a connection can be taken and answers a trivial query. */
    public boolean isReachable() {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            return statement.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
