package dailypapers.store;

import dailypapers.TestDatabase;

class PostgresThumbnailStoreIT extends ThumbnailStoreContract {

    PostgresThumbnailStoreIT() {
        super(TestDatabase.POSTGRES);
    }
}
