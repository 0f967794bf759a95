package dailypapers.store;

import dailypapers.TestDatabase;

class PostgresModerationStoreIT extends ModerationStoreContract {

    PostgresModerationStoreIT() {
        super(TestDatabase.POSTGRES);
    }
}
