package dailypapers.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dailypapers.search.Fusion;
import dailypapers.search.HashingEncoder;
import dailypapers.search.Ranker;
import dailypapers.search.SearchMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation measures the search people get: its query syntax, exact-title pins and order. */
class SearchEvaluationIT {

    private static BeirDataset dataset(String query, Map<String, Integer> judged) {
        return new BeirDataset("test", List.of(
                new BeirDocument("d1", "graphene graphene graphene", "Graphene sheets, graphene ribbons."),
                new BeirDocument("d2", "Graphene", "A short note."),
                new BeirDocument("d3", "Protein folding", "Nothing about carbon.")),
                Map.of("q1", query), Map.of("q1", judged));
    }

    private static EvaluationResult keyword(BeirDataset dataset) throws IOException {
        try (SearchEvaluation evaluation = SearchEvaluation.open(dataset, Optional.empty(), Optional.empty(), 1,
                (done, missing) -> {
                })) {
            return evaluation.evaluate(SearchMode.KEYWORD, Ranker.Tuning.TEXTBOOK);
        }
    }

    @Test
    void anExactTitleIsRankedFirstAsOnTheSearchPage() throws IOException {
        // By BM25 alone d1 (the word six times) beats d2, whose title the query is: the product pins d2.
        EvaluationResult pinned = keyword(dataset("GRAPHENE", Map.of("d2", 1)));
        assertThat(pinned.ndcgAt10()).isCloseTo(1.0, within(1e-9));

        EvaluationResult words = keyword(dataset("graphene ribbons", Map.of("d2", 1)));
        assertThat(words.ndcgAt10()).as("no pin without the exact title: d2 second")
                .isCloseTo(1 / (Math.log(3) / Math.log(2)), within(1e-9));
    }

    @Test
    void semanticAndHybridRunWithAModelAndReuseTheCachedVectors(@TempDir Path cache) throws IOException {
        BeirDataset dataset = dataset("graphene ribbons", Map.of("d1", 1));
        AtomicInteger embedded = new AtomicInteger();
        try (HashingEncoder encoder = new HashingEncoder(); SearchEvaluation evaluation = SearchEvaluation.open(dataset,
                Optional.of(encoder), Optional.of(new VectorCache(cache, encoder)), 2,
                (done, missing) -> embedded.set(done))) {
            assertThat(evaluation.evaluate(SearchMode.SEMANTIC, Ranker.Tuning.TEXTBOOK).queryCount()).isEqualTo(1);
            assertThat(evaluation.evaluate(SearchMode.HYBRID, Ranker.Tuning.TEXTBOOK).ndcgAt10())
                    .isCloseTo(1.0, within(1e-9));
            assertThat(evaluation.evaluate(SearchMode.HYBRID, new Ranker.Tuning(new Fusion.Convex(0.3), 200))
                    .ndcgAt10()).isCloseTo(1.0, within(1e-9));
        }
        assertThat(embedded).hasValue(3);
        embedded.set(0);
        try (HashingEncoder encoder = new HashingEncoder(); SearchEvaluation again = SearchEvaluation.open(dataset,
                Optional.of(encoder), Optional.of(new VectorCache(cache, encoder)), 2,
                (done, missing) -> embedded.set(done))) {
            assertThat(again.evaluate(SearchMode.SEMANTIC, Ranker.Tuning.TEXTBOOK).queryCount()).isEqualTo(1);
        }
        assertThat(embedded).as("every vector came from the cache").hasValue(0);
    }

    @Test
    void authorsAndCategoriesFromTheMetadataAnswerFilters() throws IOException {
        BeirDataset dataset = new BeirDataset("test", List.of(
                new BeirDocument("d1", "Graphene ribbons", "Narrow ribbons.", List.of("Ada Lovelace"),
                        List.of("cond-mat.mtrl-sci")),
                new BeirDocument("d2", "Graphene ribbons grown", "Ribbons, graphene ribbons.", List.of("Alan Turing"),
                        List.of("cs.LG"))),
                Map.of("q1", "author:Lovelace graphene", "q2", "cat:cs.LG ribbons"),
                Map.of("q1", Map.of("d1", 1), "q2", Map.of("d2", 1)));
        assertThat(keyword(dataset).ndcgAt10()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void filtersInAQueryApplyAsTheyDoForPeople() throws IOException {
        // "has:code" is a filter, not a word: no collection paper has code, so nothing is found.
        EvaluationResult result = keyword(dataset("graphene has:code", Map.of("d2", 1)));
        assertThat(result.ndcgAt10()).isZero();
        assertThat(result.queryCount()).isEqualTo(1);
    }
}
