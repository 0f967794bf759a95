package dailypapers.store;

import dailypapers.TestDatabase;

class PostgresTransactionsIT extends TransactionsContract {

    PostgresTransactionsIT() {
        super(TestDatabase.POSTGRES);
    }
}
