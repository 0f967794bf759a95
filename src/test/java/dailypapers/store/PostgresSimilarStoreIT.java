package dailypapers.store;

import dailypapers.TestDatabase;

class PostgresSimilarStoreIT extends SimilarStoreContract {

    PostgresSimilarStoreIT() {
        super(TestDatabase.POSTGRES);
    }
}
