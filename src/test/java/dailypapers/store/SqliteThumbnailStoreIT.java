package dailypapers.store;

import dailypapers.TestDatabase;

class SqliteThumbnailStoreIT extends ThumbnailStoreContract {

    SqliteThumbnailStoreIT() {
        super(TestDatabase.SQLITE);
    }
}
