package dailypapers.store;

import dailypapers.TestDatabase;

class PostgresSearchStoreIT extends SearchStoreContract {

    PostgresSearchStoreIT() {
        super(TestDatabase.POSTGRES);
    }
}
