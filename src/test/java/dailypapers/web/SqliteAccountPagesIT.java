package dailypapers.web;

import dailypapers.TestDatabase;

class SqliteAccountPagesIT extends AccountPagesContract {

    SqliteAccountPagesIT() {
        super(TestDatabase.SQLITE);
    }
}
