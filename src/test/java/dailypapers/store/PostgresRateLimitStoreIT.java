package dailypapers.store;

import dailypapers.TestDatabase;

class PostgresRateLimitStoreIT extends RateLimitStoreContract {

    PostgresRateLimitStoreIT() {
        super(TestDatabase.POSTGRES);
    }
}
