package dailypapers.ingest;

import dailypapers.TestDatabase;

class SqlitePaperExportIT extends PaperExportContract {

    SqlitePaperExportIT() {
        super(TestDatabase.SQLITE);
    }
}
