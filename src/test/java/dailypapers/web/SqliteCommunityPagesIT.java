package dailypapers.web;

import dailypapers.TestDatabase;

class SqliteCommunityPagesIT extends CommunityPagesContract {

    SqliteCommunityPagesIT() {
        super(TestDatabase.SQLITE);
    }
}
