package dailypapers.web;

import dailypapers.TestApp;
import dailypapers.TestDatabases;
import dailypapers.store.DatabaseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

class PostgresTrendingIT extends TrendingContract {

    private DatabaseConfig database;

    @Override
    protected TestApp startApp() {
        database = TestDatabases.freshPostgres();
        try {
            return TestApp.start(database, Files.createTempDirectory("dailypapers-trending"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void dropDatabase() {
        TestDatabases.dropPostgres(database);
    }
}
