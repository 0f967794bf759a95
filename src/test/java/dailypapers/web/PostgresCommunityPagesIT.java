package dailypapers.web;

import dailypapers.TestDatabase;

class PostgresCommunityPagesIT extends CommunityPagesContract {

    PostgresCommunityPagesIT() {
        super(TestDatabase.POSTGRES);
    }
}
