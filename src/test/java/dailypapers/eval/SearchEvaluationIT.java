package dailypapers.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dailypapers.search.HashingEncoder;
import dailypapers.search.SearchMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The evaluation measures the search people get: its query syntax, exact-title pins and order. */
class SearchEvaluationIT {

    private static BeirDataset dataset(String query, Map<String, Integer> judged) {
        return new BeirDataset("test", List.of(
                new BeirDocument("d1", "graphene graphene graphene", "Graphene sheets, graphene ribbons."),
                new BeirDocument("d2", "Graphene", "A short note."),
                new BeirDocument("d3", "Protein folding", "Nothing about carbon.")),
                Map.of("q1", query), Map.of("q1", judged));
    }

    @Test
    void anExactTitleIsRankedFirstAsOnTheSearchPage() {
        // By BM25 alone d1 (the word six times) beats d2, whose title the query is: the product pins d2.
        EvaluationResult pinned = SearchEvaluation.evaluate(dataset("GRAPHENE", Map.of("d2", 1)), Optional.empty(),
                List.of(SearchMode.KEYWORD), n -> {
                }).get(SearchMode.KEYWORD);
        assertThat(pinned.ndcgAt10()).isCloseTo(1.0, within(1e-9));

        EvaluationResult words = SearchEvaluation.evaluate(dataset("graphene ribbons", Map.of("d2", 1)),
                Optional.empty(), List.of(SearchMode.KEYWORD), n -> {
                }).get(SearchMode.KEYWORD);
        assertThat(words.ndcgAt10()).as("no pin without the exact title: d2 second")
                .isCloseTo(1 / (Math.log(3) / Math.log(2)), within(1e-9));
    }

    @Test
    void semanticAndHybridRunWithAModel() {
        Map<SearchMode, EvaluationResult> results = SearchEvaluation.evaluate(dataset("graphene ribbons",
                Map.of("d1", 1)), Optional.of(new HashingEncoder()), List.of(SearchMode.SEMANTIC, SearchMode.HYBRID),
                n -> {
                });
        assertThat(results.get(SearchMode.SEMANTIC).queryCount()).isEqualTo(1);
        assertThat(results.get(SearchMode.HYBRID).ndcgAt10()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void filtersInAQueryApplyAsTheyDoForPeople() {
        // "has:code" is a filter, not a word: no collection paper has code, so nothing is found.
        EvaluationResult result = SearchEvaluation.evaluate(dataset("graphene has:code", Map.of("d2", 1)),
                Optional.empty(), List.of(SearchMode.KEYWORD), n -> {
                }).get(SearchMode.KEYWORD);
        assertThat(result.ndcgAt10()).isZero();
        assertThat(result.queryCount()).isEqualTo(1);
    }
}
