package dailypapers.store;

import dailypapers.TestDatabases;

class PostgresSearchStoreIT extends SearchStoreContract {

    @Override
    protected DatabaseConfig openDatabase() {
        return TestDatabases.freshPostgres();
    }

    @Override
    protected void dropDatabase(DatabaseConfig config) {
        TestDatabases.dropPostgres(config);
    }
}
