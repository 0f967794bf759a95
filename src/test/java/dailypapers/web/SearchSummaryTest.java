package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.search.ResultOrder;
import dailypapers.search.SearchMode;
import dailypapers.search.SearchResult;
import dailypapers.search.UserQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentence above search results counts in good English, whatever the mode. */
class SearchSummaryTest {

    private static SearchResult result(SearchMode mode, long total) {
        return new SearchResult(UserQuery.parse("attention"), mode, mode, ResultOrder.RELEVANCE, List.of(), total,
                true, 0, 20, List.of());
    }

    @Test
    void oneMatchIsSingular() {
        assertThat(SearchPages.summary(result(SearchMode.HYBRID, 1))).startsWith("The one best match,");
        assertThat(SearchPages.summary(result(SearchMode.KEYWORD, 1))).startsWith("1 result,");
    }

    @Test
    void manyMatchesArePlural() {
        assertThat(SearchPages.summary(result(SearchMode.SEMANTIC, 1_200))).startsWith("The 1,200 best matches,");
        assertThat(SearchPages.summary(result(SearchMode.KEYWORD, 2))).startsWith("2 results,");
    }
}
