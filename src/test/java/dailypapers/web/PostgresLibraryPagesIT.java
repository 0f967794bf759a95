package dailypapers.web;

import dailypapers.TestDatabase;

class PostgresLibraryPagesIT extends LibraryPagesContract {

    PostgresLibraryPagesIT() {
        super(TestDatabase.POSTGRES);
    }
}
