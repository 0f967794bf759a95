package dailypapers.store;

import dailypapers.TestDatabase;

class SqliteSubscriptionStoreIT extends SubscriptionStoreContract {

    SqliteSubscriptionStoreIT() {
        super(TestDatabase.SQLITE);
    }
}
