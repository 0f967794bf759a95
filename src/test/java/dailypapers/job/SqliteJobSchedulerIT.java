package dailypapers.job;

import dailypapers.TestDatabases;
import dailypapers.store.DatabaseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

class SqliteJobSchedulerIT extends JobSchedulerContract {

    @Override
    protected DatabaseConfig openDatabase() {
        try {
            return TestDatabases.sqlite(Files.createTempDirectory("dailypapers-jobs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void dropDatabase(DatabaseConfig config) {
        // The temporary file goes with the JVM's temp directory cleanup; nothing else holds it.
    }
}
