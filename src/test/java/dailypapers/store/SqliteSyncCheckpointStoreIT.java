package dailypapers.store;

import dailypapers.TestDatabase;

class SqliteSyncCheckpointStoreIT extends SyncCheckpointStoreContract {

    SqliteSyncCheckpointStoreIT() {
        super(TestDatabase.SQLITE);
    }
}
