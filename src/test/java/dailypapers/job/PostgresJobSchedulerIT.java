package dailypapers.job;

import dailypapers.TestDatabase;

class PostgresJobSchedulerIT extends JobSchedulerContract {

    PostgresJobSchedulerIT() {
        super(TestDatabase.POSTGRES);
    }
}
