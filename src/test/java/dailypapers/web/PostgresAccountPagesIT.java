package dailypapers.web;

import dailypapers.TestDatabase;

class PostgresAccountPagesIT extends AccountPagesContract {

    PostgresAccountPagesIT() {
        super(TestDatabase.POSTGRES);
    }
}
