package dailypapers.store;

import dailypapers.TestDatabase;

class SqliteClaimStoreIT extends ClaimStoreContract {

    SqliteClaimStoreIT() {
        super(TestDatabase.SQLITE);
    }
}
