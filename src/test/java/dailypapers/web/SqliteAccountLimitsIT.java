package dailypapers.web;

import dailypapers.TestDatabase;

class SqliteAccountLimitsIT extends AccountLimitsContract {

    SqliteAccountLimitsIT() {
        super(TestDatabase.SQLITE);
    }
}
