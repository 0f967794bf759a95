package dailypapers.web;

import dailypapers.TestDatabase;

class PostgresSimilarPapersIT extends SimilarPapersContract {

    PostgresSimilarPapersIT() {
        super(TestDatabase.POSTGRES);
    }
}
