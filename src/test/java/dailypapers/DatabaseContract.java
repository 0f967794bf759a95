package dailypapers;

import dailypapers.store.Database;
import dailypapers.store.DatabaseConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A contract test run once per kind of database: before each test a fresh, migrated database of that kind, after
 * it the database closed and dropped. Subclasses name the kind ({@code super(TestDatabase.POSTGRES)}).
 */
public abstract class DatabaseContract {

    private final TestDatabase kind;
    private DatabaseConfig config;
    private Database database;

    protected DatabaseContract(TestDatabase kind) {
        this.kind = kind;
    }

    @BeforeEach
    final void openDatabase() {
        config = kind.open();
        database = Database.open(config, new SimpleMeterRegistry());
    }

    /** Runs after the subclass's own teardown, which may still use the database. */
    @AfterEach
    final void dropDatabase() {
        // Null when openDatabase() skipped the test because no such database is configured.
        if (database != null) {
            database.close();
            kind.drop(config);
        }
    }

    protected Database database() {
        return database;
    }

    /** How to reach the database, for tests that open more pools on it (several app nodes). */
    protected DatabaseConfig config() {
        return config;
    }
}
