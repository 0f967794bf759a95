package dailypapers.store;

import dailypapers.TestDatabase;

class SqliteRateLimitStoreIT extends RateLimitStoreContract {

    SqliteRateLimitStoreIT() {
        super(TestDatabase.SQLITE);
    }
}
