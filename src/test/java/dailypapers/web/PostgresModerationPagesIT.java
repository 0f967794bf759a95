package dailypapers.web;

import dailypapers.TestDatabase;

class PostgresModerationPagesIT extends ModerationPagesContract {

    PostgresModerationPagesIT() {
        super(TestDatabase.POSTGRES);
    }
}
