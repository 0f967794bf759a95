package dailypapers.search.solr;

import dailypapers.search.ForwardingSearchIndex;
import dailypapers.search.SearchIndex;
import dailypapers.search.SearchIndexContract;
import dailypapers.search.SolrSettings;

/** The contract every engine passes, on a real SolrCloud: two shards, so scores and ties cross shards. */
class SolrSearchIndexIT extends SearchIndexContract {

    /** Dimension of the contract's vectors. */
    private static final int DIMENSION = 2;

    @Override
    protected SearchIndex openIndex() {
        SolrSettings settings = TestSolr.settings("contract", 2, 1);
        return new ForwardingSearchIndex(SolrSearchIndex.open(settings, DIMENSION)) {
            @Override
            public void close() {
                super.close();
                TestSolr.drop(settings);
            }
        };
    }
}
