package dailypapers.store;

import dailypapers.TestDatabase;

class SqliteOutboxStoreIT extends OutboxStoreContract {

    SqliteOutboxStoreIT() {
        super(TestDatabase.SQLITE);
    }
}
