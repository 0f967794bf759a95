package dailypapers.search.lucene;

import dailypapers.search.SearchIndex;
import dailypapers.search.SearchIndexContract;

class LuceneSearchIndexIT extends SearchIndexContract {

    @Override
    protected SearchIndex openIndex() {
        return LuceneSearchIndex.inMemory();
    }
}
