package dailypapers;

import dailypapers.store.DatabaseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The databases every store contract runs against: a fresh database of each kind per test, dropped after it. */
public enum TestDatabase {

    /** A SQLite file in a new temporary directory; the JVM's temp cleanup removes it. */
    SQLITE {
        @Override
        public DatabaseConfig open() {
            try {
                return TestDatabases.sqlite(Files.createTempDirectory("dailypapers-contract"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void drop(DatabaseConfig config) {
            // Nothing else holds the temporary file.
        }
    },

    /** A new database on the test server (skipped, or failed under CI, when none is configured). */
    POSTGRES {
        @Override
        public DatabaseConfig open() {
            return TestDatabases.freshPostgres();
        }

        @Override
        public void drop(DatabaseConfig config) {
            TestDatabases.dropPostgres(config);
        }
    };

    public abstract DatabaseConfig open();

    public abstract void drop(DatabaseConfig config);
}
