package dailypapers.store;

import dailypapers.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

class SqliteCheckpointStoreIT extends CheckpointStoreContract {

    @Override
    protected DatabaseConfig openDatabase() {
        try {
            return TestDatabases.sqlite(Files.createTempDirectory("dailypapers-checkpoint"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void dropDatabase(DatabaseConfig config) {
        // The temporary file goes with the JVM's temp directory cleanup; nothing else holds it.
    }
}
