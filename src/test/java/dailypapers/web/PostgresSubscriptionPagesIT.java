package dailypapers.web;

import dailypapers.TestDatabase;

class PostgresSubscriptionPagesIT extends SubscriptionPagesContract {

    PostgresSubscriptionPagesIT() {
        super(TestDatabase.POSTGRES);
    }
}
