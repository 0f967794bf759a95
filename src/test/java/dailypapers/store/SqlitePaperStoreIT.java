package dailypapers.store;

import dailypapers.TestDatabase;

class SqlitePaperStoreIT extends PaperStoreContract {

    SqlitePaperStoreIT() {
        super(TestDatabase.SQLITE);
    }
}
