package dailypapers.web;

import dailypapers.TestDatabase;

class SqliteCommentPagesIT extends CommentPagesContract {

    SqliteCommentPagesIT() {
        super(TestDatabase.SQLITE);
    }
}
