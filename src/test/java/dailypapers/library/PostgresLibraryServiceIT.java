package dailypapers.library;

import dailypapers.TestDatabase;

class PostgresLibraryServiceIT extends LibraryServiceContract {

    PostgresLibraryServiceIT() {
        super(TestDatabase.POSTGRES);
    }
}
