package dailypapers.web;

import dailypapers.TestDatabase;

class PostgresClaimPagesIT extends ClaimPagesContract {

    PostgresClaimPagesIT() {
        super(TestDatabase.POSTGRES);
    }
}
