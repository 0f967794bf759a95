package dailypapers.store;

import dailypapers.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

class SqliteSyncCheckpointStoreIT extends SyncCheckpointStoreContract {

    @Override
    protected DatabaseConfig openDatabase() {
        try {
            return TestDatabases.sqlite(Files.createTempDirectory("dailypapers-sync-checkpoint-store"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void dropDatabase(DatabaseConfig config) {
    }
}
