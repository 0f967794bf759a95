package dailypapers.token;

import dailypapers.TestDatabase;

class SqliteTokenServiceIT extends TokenServiceContract {

    SqliteTokenServiceIT() {
        super(TestDatabase.SQLITE);
    }
}
