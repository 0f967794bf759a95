package dailypapers.web;

import dailypapers.TestApp;

class SqliteTrendingIT extends TrendingContract {

    @Override
    protected TestApp startApp() {
        return TestApp.start();
    }

    @Override
    protected void dropDatabase() {
        // The temporary directory goes with the JVM's temp cleanup.
    }
}
