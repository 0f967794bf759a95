package dailypapers.vote;

import dailypapers.TestDatabase;

class PostgresVoteServiceIT extends VoteServiceContract {

    PostgresVoteServiceIT() {
        super(TestDatabase.POSTGRES);
    }
}
