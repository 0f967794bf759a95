package dailypapers.web;

import dailypapers.TestDatabase;

class SqliteModerationPagesIT extends ModerationPagesContract {

    SqliteModerationPagesIT() {
        super(TestDatabase.SQLITE);
    }
}
