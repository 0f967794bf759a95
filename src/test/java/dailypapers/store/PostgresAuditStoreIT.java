package dailypapers.store;

import dailypapers.TestDatabase;

class PostgresAuditStoreIT extends AuditStoreContract {

    PostgresAuditStoreIT() {
        super(TestDatabase.POSTGRES);
    }
}
