package dailypapers.store;

import dailypapers.TestDatabase;

class SqliteLibraryStoreIT extends LibraryStoreContract {

    SqliteLibraryStoreIT() {
        super(TestDatabase.SQLITE);
    }
}
