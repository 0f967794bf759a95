package dailypapers.store;

import dailypapers.TestDatabase;

class SqliteTransactionsIT extends TransactionsContract {

    SqliteTransactionsIT() {
        super(TestDatabase.SQLITE);
    }
}
