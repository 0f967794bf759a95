package dailypapers.web;

import dailypapers.TestDatabase;

class SqliteMemberJourneyBrowserIT extends MemberJourneyBrowserContract {

    SqliteMemberJourneyBrowserIT() {
        super(TestDatabase.SQLITE);
    }
}
