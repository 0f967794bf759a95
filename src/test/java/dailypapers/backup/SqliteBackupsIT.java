package dailypapers.backup;

import dailypapers.TestDatabase;

class SqliteBackupsIT extends BackupsContract {

    SqliteBackupsIT() {
        super(TestDatabase.SQLITE);
    }
}
