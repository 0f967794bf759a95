package dailypapers.store;

import dailypapers.TestDatabase;

class SqliteSearchStoreIT extends SearchStoreContract {

    SqliteSearchStoreIT() {
        super(TestDatabase.SQLITE);
    }
}
