package dailypapers.store;

import dailypapers.TestDatabase;

class SqliteDigestStoreIT extends DigestStoreContract {

    SqliteDigestStoreIT() {
        super(TestDatabase.SQLITE);
    }
}
