package dailypapers.web;

import dailypapers.TestDatabase;

class PostgresSqlInjectionProbesIT extends SqlInjectionProbesContract {

    PostgresSqlInjectionProbesIT() {
        super(TestDatabase.POSTGRES);
    }
}
