package dailypapers.store;

import dailypapers.TestDatabase;

class PostgresLibraryStoreIT extends LibraryStoreContract {

    PostgresLibraryStoreIT() {
        super(TestDatabase.POSTGRES);
    }
}
