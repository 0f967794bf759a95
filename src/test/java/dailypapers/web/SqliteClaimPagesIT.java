package dailypapers.web;

import dailypapers.TestDatabase;

class SqliteClaimPagesIT extends ClaimPagesContract {

    SqliteClaimPagesIT() {
        super(TestDatabase.SQLITE);
    }
}
