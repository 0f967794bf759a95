package dailypapers.store;

import dailypapers.TestDatabase;

class PostgresCheckpointStoreIT extends CheckpointStoreContract {

    PostgresCheckpointStoreIT() {
        super(TestDatabase.POSTGRES);
    }
}
