package dailypapers.job;

import dailypapers.TestDatabase;

class SqliteJobSchedulerIT extends JobSchedulerContract {

    SqliteJobSchedulerIT() {
        super(TestDatabase.SQLITE);
    }
}
