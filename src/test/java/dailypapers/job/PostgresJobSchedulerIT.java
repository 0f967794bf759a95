package dailypapers.job;

import dailypapers.TestDatabases;
import dailypapers.store.DatabaseConfig;

class PostgresJobSchedulerIT extends JobSchedulerContract {

    @Override
    protected DatabaseConfig openDatabase() {
        return TestDatabases.freshPostgres();
    }

    @Override
    protected void dropDatabase(DatabaseConfig config) {
        TestDatabases.dropPostgres(config);
    }
}
