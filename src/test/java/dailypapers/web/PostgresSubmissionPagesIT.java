package dailypapers.web;

import dailypapers.TestDatabase;

class PostgresSubmissionPagesIT extends SubmissionPagesContract {

    PostgresSubmissionPagesIT() {
        super(TestDatabase.POSTGRES);
    }
}
