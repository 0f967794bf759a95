package dailypapers.store;

import dailypapers.TestDatabase;

class PostgresPaperStoreIT extends PaperStoreContract {

    PostgresPaperStoreIT() {
        super(TestDatabase.POSTGRES);
    }
}
