package dailypapers.store;

import dailypapers.TestDatabase;

class PostgresDigestStoreIT extends DigestStoreContract {

    PostgresDigestStoreIT() {
        super(TestDatabase.POSTGRES);
    }
}
