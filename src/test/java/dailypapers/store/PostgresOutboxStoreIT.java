package dailypapers.store;

import dailypapers.TestDatabase;

class PostgresOutboxStoreIT extends OutboxStoreContract {

    PostgresOutboxStoreIT() {
        super(TestDatabase.POSTGRES);
    }
}
