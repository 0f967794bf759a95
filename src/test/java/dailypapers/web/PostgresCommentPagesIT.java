package dailypapers.web;

import dailypapers.TestDatabase;

class PostgresCommentPagesIT extends CommentPagesContract {

    PostgresCommentPagesIT() {
        super(TestDatabase.POSTGRES);
    }
}
