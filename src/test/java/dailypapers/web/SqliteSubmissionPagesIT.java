package dailypapers.web;

import dailypapers.TestDatabase;

class SqliteSubmissionPagesIT extends SubmissionPagesContract {

    SqliteSubmissionPagesIT() {
        super(TestDatabase.SQLITE);
    }
}
