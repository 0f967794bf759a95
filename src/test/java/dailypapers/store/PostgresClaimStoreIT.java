package dailypapers.store;

import dailypapers.TestDatabase;

class PostgresClaimStoreIT extends ClaimStoreContract {

    PostgresClaimStoreIT() {
        super(TestDatabase.POSTGRES);
    }
}
