package dailypapers.web;

import dailypapers.TestDatabase;

class SqliteLibraryPagesIT extends LibraryPagesContract {

    SqliteLibraryPagesIT() {
        super(TestDatabase.SQLITE);
    }
}
