package dailypapers.store;

import dailypapers.TestDatabase;

class SqliteSimilarStoreIT extends SimilarStoreContract {

    SqliteSimilarStoreIT() {
        super(TestDatabase.SQLITE);
    }
}
