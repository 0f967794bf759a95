package dailypapers.library;

import dailypapers.TestDatabase;

class SqliteLibraryServiceIT extends LibraryServiceContract {

    SqliteLibraryServiceIT() {
        super(TestDatabase.SQLITE);
    }
}
