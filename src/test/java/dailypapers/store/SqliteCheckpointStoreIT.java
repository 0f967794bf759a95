package dailypapers.store;

import dailypapers.TestDatabase;

class SqliteCheckpointStoreIT extends CheckpointStoreContract {

    SqliteCheckpointStoreIT() {
        super(TestDatabase.SQLITE);
    }
}
