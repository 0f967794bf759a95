package dailypapers.store;

import dailypapers.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

class SqliteTransactionsIT extends TransactionsContract {

    @Override
    protected DatabaseConfig openDatabase() {
        try {
            return TestDatabases.sqlite(Files.createTempDirectory("dailypapers-transactions"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void dropDatabase(DatabaseConfig config) {
    }
}
