package dailypapers.token;

import dailypapers.TestDatabase;

class PostgresTokenServiceIT extends TokenServiceContract {

    PostgresTokenServiceIT() {
        super(TestDatabase.POSTGRES);
    }
}
