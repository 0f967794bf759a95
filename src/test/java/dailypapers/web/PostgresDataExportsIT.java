package dailypapers.web;

import dailypapers.TestDatabase;

class PostgresDataExportsIT extends DataExportsContract {

    PostgresDataExportsIT() {
        super(TestDatabase.POSTGRES);
    }
}
