package dailypapers.web;

import dailypapers.TestDatabase;

class SqliteSubscriptionPagesIT extends SubscriptionPagesContract {

    SqliteSubscriptionPagesIT() {
        super(TestDatabase.SQLITE);
    }
}
