package dailypapers.vote;

import dailypapers.TestDatabase;

class SqliteVoteServiceIT extends VoteServiceContract {

    SqliteVoteServiceIT() {
        super(TestDatabase.SQLITE);
    }
}
