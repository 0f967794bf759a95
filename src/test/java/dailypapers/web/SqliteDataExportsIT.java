package dailypapers.web;

import dailypapers.TestDatabase;

class SqliteDataExportsIT extends DataExportsContract {

    SqliteDataExportsIT() {
        super(TestDatabase.SQLITE);
    }
}
