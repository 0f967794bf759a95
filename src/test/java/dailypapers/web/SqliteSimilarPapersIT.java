package dailypapers.web;

import dailypapers.TestDatabase;

class SqliteSimilarPapersIT extends SimilarPapersContract {

    SqliteSimilarPapersIT() {
        super(TestDatabase.SQLITE);
    }
}
