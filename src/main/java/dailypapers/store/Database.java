package dailypapers.store;

import static dailypapers.text.Messages.rootMessage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dailypapers.AppVersion;
import dailypapers.ops.SchemaStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbc.JdbcLockProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * An open, migrated database: a connection pool, Flyway migrations applied, and a {@link Jdbi} over it (or, for
 * tools that only look, {@link #connect} without migrating).
 * SQLite runs in WAL mode so readers never wait for the importer, and begins every transaction {@code IMMEDIATE}:
 * a writer takes the write lock before its first read and waits up to the busy timeout for another writer. A
 * deferred transaction that read first and then wrote would fail at once with {@code SQLITE_BUSY} (the busy
 * timeout does not apply) whenever another writer had committed since its read.
 * Migrations are in {@code db/migration}, plus {@code db/sqlite} or {@code db/postgresql} for what the two
 * dialects spell differently (triggers), and {@link TrendingScoreMigration} (V26) for one that computes in Java.
 */
public final class Database implements AutoCloseable {

    /** SQLSTATEs of a server going away: admin shutdown, crash shutdown, starting up or shutting down. */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

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
        Database database = connect(config, metrics);
        try {
            Optional<Integer> applied = checkUsable(database.dataSource, config);
            if (applied.isPresent() && applied.get() < SchemaVersions.LATEST) {
                beforeUpgrade.prepare(applied.get(), SchemaVersions.LATEST);
            }
            flyway(database.dataSource, config.isSqlite()).group(true).load().migrate();
        } catch (FlywayException e) {
            database.close();
            throw new DatabaseException("cannot migrate the database at " + config.description() + ": "
                    + rootMessage(e), e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /**
     * Opens the pool without migrating: for tools that look at a database and must leave its schema as it is
     * ({@code doctor}). Fails with a {@link DatabaseException} that says why.
     */
    public static Database connect(DatabaseConfig config, MeterRegistry metrics) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("dailypapers");
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        hikari.setMetricRegistry(metrics);
        if (config.isSqlite()) {
            createParentDirectory(config);
            Connections.SQLITE.forEach(hikari::addDataSourceProperty);
            hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        } else {
            // One multi-row INSERT per batch instead of one round trip per row.
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        try {
            return new Database(new FailFastPool(hikari), config.isSqlite());
        } catch (HikariPool.PoolInitializationException e) {
            throw new DatabaseException("cannot connect to the database at " + config.description() + ": "
                    + rootMessage(e), e);
        }
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

    /** The SQLite file a {@code jdbc:sqlite:} URL names; empty for memory, a {@code file:} URI, or PostgreSQL. */
    public static Optional<Path> sqliteFile(DatabaseConfig config) {
        if (!config.isSqlite()) {
            return Optional.empty();
        }
        String file = config.url().substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(file).toAbsolutePath());
    }

    /** Where the schema stands against this build's migrations, from Flyway's history; changes nothing. */
    public SchemaStatus schema() {
        MigrationInfoService info = flyway(dataSource, sqlite).load().info();
        MigrationInfo current = info.current();
        List<MigrationInfo> all = Arrays.asList(info.all());
        String known = all.stream().filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(MigrationInfo::getVersion).max(Comparator.naturalOrder()).map(MigrationVersion::getVersion)
                .orElse("0");
        return new SchemaStatus(Optional.ofNullable(current).map(m -> m.getVersion().getVersion()), known,
                Arrays.stream(info.pending()).map(m -> m.getVersion().getVersion()).toList(),
                all.stream().filter(m -> !m.getState().isResolved() && m.getState().isApplied())
                        .map(m -> m.getVersion().getVersion()).toList(), unfinishedRestore());
    }

    private Optional<String> unfinishedRestore() {
        try (Connection connection = dataSource.getConnection()) {
            return DatabaseLoader.unfinishedRestore(connection);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the database: " + rootMessage(e), e);
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

    static void createParentDirectory(DatabaseConfig config) {
        Optional<Path> file = sqliteFile(config);
        if (file.isEmpty()) {
            return;
        }
        Path parent = file.get().getParent();
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

    /**
     * Why the database cannot serve: empty when a connection can be taken and answers a trivial query within
     * {@code timeout} (the wait for a connection is the pool's own; callers that need an answer sooner bound it).
     */
    public Optional<String> whyUnreachable(Duration timeout) {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            statement.execute("SELECT 1");
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(rootMessage(e));
        }
    }

    /**
     * Whether {@code failure} says the database cannot be reached (no connection within the timeout, a connection
     * refused or broken, the server shutting down or starting), not that a statement was wrong: a request that fails
     * so is a 503, and the same request later may succeed.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException e && e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || SERVER_GONE.contains(e.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
