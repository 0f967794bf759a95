package dailypapers.store;

import dailypapers.TestDatabase;

class SqliteSubmissionStoreIT extends SubmissionStoreContract {

    SqliteSubmissionStoreIT() {
        super(TestDatabase.SQLITE);
    }
}
