package dailypapers.store;

import dailypapers.TestDatabase;

class SqliteAuditStoreIT extends AuditStoreContract {

    SqliteAuditStoreIT() {
        super(TestDatabase.SQLITE);
    }
}
