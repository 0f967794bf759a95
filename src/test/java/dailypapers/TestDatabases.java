package dailypapers;

import static org.junit.jupiter.api.Assertions.fail;

import dailypapers.store.DatabaseConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

/**
 * Real databases for tests: a fresh SQLite file, or a fresh database on the PostgreSQL server named by
 * {@code DAILYPAPERS_TEST_POSTGRES_URL} (plus {@code _USER}, {@code _PASSWORD}); .ci/run starts one. Without that
 * variable PostgreSQL tests are skipped with a message, except under CI where they must run.
 */
public final class TestDatabases {

    public static final String POSTGRES_URL = "DAILYPAPERS_TEST_POSTGRES_URL";

    private TestDatabases() {
    }

    public static DatabaseConfig sqlite(Path directory) {
        return new DatabaseConfig("jdbc:sqlite:" + directory.resolve("test.db"), null, null, 4);
    }

    /** Creates an empty database on the test server; drop it with {@link #dropPostgres(DatabaseConfig)}. */
    public static DatabaseConfig freshPostgres() {
        String url = System.getenv(POSTGRES_URL);
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but " + POSTGRES_URL + " is not set: .ci/run must start PostgreSQL");
            }
            Assumptions.abort("skipped: set " + POSTGRES_URL + " (e.g. jdbc:postgresql://127.0.0.1:5432/postgres)"
                    + " to run the PostgreSQL tests");
        }
        String name = "dp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(url, "CREATE DATABASE " + name);
        return new DatabaseConfig(url.substring(0, url.lastIndexOf('/') + 1) + name, user(), password(), 4);
    }

    public static void dropPostgres(DatabaseConfig database) {
        String name = database.url().substring(database.url().lastIndexOf('/') + 1);
        execute(System.getenv(POSTGRES_URL), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /**
     * Applies the SQL migrations up to {@code version} and no further, for a test of what a later migration does to
     * the rows already there; the data source reaches the database as that version left it.
     */
    public static DataSource migratedTo(DatabaseConfig database, String version) {
        Flyway flyway = Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration",
                        database.isSqlite() ? "classpath:db/sqlite" : "classpath:db/postgresql")
                .target(version)
                .load();
        flyway.migrate();
        return flyway.getConfiguration().getDataSource();
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }

    private static String user() {
        return System.getenv(POSTGRES_URL + "_USER");
    }

    private static String password() {
        return System.getenv(POSTGRES_URL + "_PASSWORD");
    }
}
