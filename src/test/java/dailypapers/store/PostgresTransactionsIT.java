package dailypapers.store;

import dailypapers.TestDatabases;

class PostgresTransactionsIT extends TransactionsContract {

    @Override
    protected DatabaseConfig openDatabase() {
        return TestDatabases.freshPostgres();
    }

    @Override
    protected void dropDatabase(DatabaseConfig config) {
        TestDatabases.dropPostgres(config);
    }
}
