package dailypapers.backup;

import dailypapers.TestDatabase;

class PostgresBackupsIT extends BackupsContract {

    PostgresBackupsIT() {
        super(TestDatabase.POSTGRES);
    }
}
