package dailypapers.store;

import dailypapers.TestDatabase;

class PostgresSubmissionStoreIT extends SubmissionStoreContract {

    PostgresSubmissionStoreIT() {
        super(TestDatabase.POSTGRES);
    }
}
