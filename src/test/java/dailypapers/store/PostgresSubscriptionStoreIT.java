package dailypapers.store;

import dailypapers.TestDatabase;

class PostgresSubscriptionStoreIT extends SubscriptionStoreContract {

    PostgresSubscriptionStoreIT() {
        super(TestDatabase.POSTGRES);
    }
}
