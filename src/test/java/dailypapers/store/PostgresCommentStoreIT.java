package dailypapers.store;

import dailypapers.TestDatabase;

class PostgresCommentStoreIT extends CommentStoreContract {

    PostgresCommentStoreIT() {
        super(TestDatabase.POSTGRES);
    }
}
