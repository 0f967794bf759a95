package dailypapers.web;

import dailypapers.TestDatabase;

class PostgresMemberJourneyBrowserIT extends MemberJourneyBrowserContract {

    PostgresMemberJourneyBrowserIT() {
        super(TestDatabase.POSTGRES);
    }
}
