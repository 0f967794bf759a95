package dailypapers.web;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.search.ResultOrder;
import dailypapers.search.SearchMode;
import dailypapers.search.SearchResult;
import dailypapers.search.UserQuery;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sentence above search results counts in good English, and in the same words whatever the mode. */
class SearchSummaryTest {

    private static SearchResult result(SearchMode mode, long total, boolean totalIsExact) {
        return new SearchResult(UserQuery.parse("attention"), mode, mode, ResultOrder.RELEVANCE, List.of(), total,
                totalIsExact, 0, 20, List.of());
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void everyModeCountsItsResultsTheSameWay(SearchMode mode) {
        assertThat(SearchPages.summary(result(mode, 1, true))).startsWith("1 result,");
        assertThat(SearchPages.summary(result(mode, 213, true))).startsWith("213 results,");
        assertThat(SearchPages.summary(result(mode, 1_000, true))).startsWith("1,000 results,");
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void pastTheDepthASearchReachesItSaysHowManyAreListed(SearchMode mode) {
        assertThat(SearchPages.summary(result(mode, 5_321, true))).startsWith("The first 1,000 of 5,321 results,");
        assertThat(SearchPages.summary(result(mode, 1_000, false)))
                .startsWith("The first 1,000 of more than 1,000 results,");
    }
}
