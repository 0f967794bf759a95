package dailypapers.web;

import dailypapers.TestDatabase;

class PostgresAccountLimitsIT extends AccountLimitsContract {

    PostgresAccountLimitsIT() {
        super(TestDatabase.POSTGRES);
    }
}
