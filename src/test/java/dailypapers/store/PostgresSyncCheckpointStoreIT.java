package dailypapers.store;

import dailypapers.TestDatabase;

class PostgresSyncCheckpointStoreIT extends SyncCheckpointStoreContract {

    PostgresSyncCheckpointStoreIT() {
        super(TestDatabase.POSTGRES);
    }
}
