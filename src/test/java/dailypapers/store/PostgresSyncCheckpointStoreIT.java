package dailypapers.store;

import dailypapers.TestDatabases;

class PostgresSyncCheckpointStoreIT extends SyncCheckpointStoreContract {

    @Override
    protected DatabaseConfig openDatabase() {
        return TestDatabases.freshPostgres();
    }

    @Override
    protected void dropDatabase(DatabaseConfig config) {
        TestDatabases.dropPostgres(config);
    }
}
