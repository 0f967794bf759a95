package dailypapers.ingest;

import dailypapers.TestDatabase;

class PostgresPaperExportIT extends PaperExportContract {

    PostgresPaperExportIT() {
        super(TestDatabase.POSTGRES);
    }
}
