package dailypapers.store;

import dailypapers.TestDatabase;

class SqliteModerationStoreIT extends ModerationStoreContract {

    SqliteModerationStoreIT() {
        super(TestDatabase.SQLITE);
    }
}
