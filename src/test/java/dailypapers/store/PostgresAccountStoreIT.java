package dailypapers.store;

import dailypapers.TestDatabase;

class PostgresAccountStoreIT extends AccountStoreContract {

    PostgresAccountStoreIT() {
        super(TestDatabase.POSTGRES);
    }
}
