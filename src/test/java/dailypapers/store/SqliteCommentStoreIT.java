package dailypapers.store;

import dailypapers.TestDatabase;

class SqliteCommentStoreIT extends CommentStoreContract {

    SqliteCommentStoreIT() {
        super(TestDatabase.SQLITE);
    }
}
