package dailypapers.store;

import dailypapers.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

class SqliteSearchStoreIT extends SearchStoreContract {

    @Override
    protected DatabaseConfig openDatabase() {
        try {
            return TestDatabases.sqlite(Files.createTempDirectory("dailypapers-search-store"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void dropDatabase(DatabaseConfig config) {
    }
}
