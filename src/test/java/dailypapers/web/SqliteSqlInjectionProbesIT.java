package dailypapers.web;

import dailypapers.TestDatabase;

class SqliteSqlInjectionProbesIT extends SqlInjectionProbesContract {

    SqliteSqlInjectionProbesIT() {
        super(TestDatabase.SQLITE);
    }
}
