package dailypapers.store;

import dailypapers.TestDatabase;

class SqliteAccountStoreIT extends AccountStoreContract {

    SqliteAccountStoreIT() {
        super(TestDatabase.SQLITE);
    }
}
