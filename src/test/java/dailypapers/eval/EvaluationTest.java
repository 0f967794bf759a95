package dailypapers.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metric values worked out by hand; log2(3) is the discount of rank 2, log2(4) = 2 that of rank 3. */
class EvaluationTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    @Test
    void perfectRankingScoresOne() {
        List<ScoredDocument> ranking = Evaluation.rank(List.of(hit("a", 0.9), hit("b", 0.8), hit("c", 0.7)));
        Map<String, Integer> judged = Map.of("a", 1, "b", 1);

        assertThat(Evaluation.ndcg(ranking, judged, 10)).isCloseTo(1.0, within(1e-12));
        assertThat(Evaluation.recall(ranking, judged, 100)).isEqualTo(1.0);
    }

    @Test
    void gainIsTheGradeAndTheIdealComesFromTheQrels() {
        List<ScoredDocument> ranking = Evaluation.rank(
                List.of(hit("d3", 0.9), hit("d2", 0.8), hit("d1", 0.7), hit("d4", 0.6)));
        Map<String, Integer> judged = Map.of("d1", 2, "d2", 1, "d3", 0);

        double dcg = 0 + 1 / LOG2_3 + 2 / 2.0;
        double idealDcg = 2 + 1 / LOG2_3;
        assertThat(Evaluation.ndcg(ranking, judged, 10)).isCloseTo(dcg / idealDcg, within(1e-12));
    }

    @Test
    void relevantDocumentsNeverRetrievedLowerTheIdeal() {
        List<ScoredDocument> ranking = Evaluation.rank(List.of(hit("a", 1.0)));
        Map<String, Integer> judged = Map.of("a", 1, "b", 1, "c", 1);

        assertThat(Evaluation.ndcg(ranking, judged, 10)).isCloseTo(1 / (1 + 1 / LOG2_3 + 1 / 2.0), within(1e-12));
        assertThat(Evaluation.recall(ranking, judged, 100)).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void onlyTheTopOfTheRankingCounts() {
        List<ScoredDocument> ranking = Evaluation.rank(List.of(hit("x", 0.9), hit("a", 0.8), hit("b", 0.7)));
        Map<String, Integer> judged = Map.of("a", 1, "b", 1);

        assertThat(Evaluation.ndcg(ranking, judged, 1)).isZero();
        assertThat(Evaluation.recall(ranking, judged, 2)).isEqualTo(0.5);
    }

    @Test
    void equalScoresRankByDocumentIdDescendingWhateverTheReturnedOrder() {
        Map<String, Integer> judged = Map.of("a", 1);
        List<ScoredDocument> returned = List.of(hit("a", 0.5), hit("b", 0.5));

        List<ScoredDocument> ranking = Evaluation.rank(returned);

        assertThat(ranking).extracting(ScoredDocument::id).containsExactly("b", "a");
        assertThat(Evaluation.rank(returned.reversed())).isEqualTo(ranking);
        assertThat(Evaluation.ndcg(ranking, judged, 10)).isCloseTo(1 / LOG2_3, within(1e-12));
    }

    @Test
    void scoreDecidesTheRankNotThePositionInTheList() {
        List<ScoredDocument> ranking = Evaluation.rank(List.of(hit("low", 0.1), hit("high", 0.9)));

        assertThat(ranking).extracting(ScoredDocument::id).containsExactly("high", "low");
    }

    @Test
    void aDocumentReturnedTwiceCountsOnceAtItsBetterRank() {
        List<ScoredDocument> ranking = Evaluation.rank(List.of(hit("a", 0.9), hit("a", 0.8), hit("b", 0.1)));
        Map<String, Integer> judged = Map.of("a", 1, "b", 1);

        assertThat(ranking).containsExactly(hit("a", 0.9), hit("b", 0.1));
        assertThat(Evaluation.recall(ranking, judged, 2)).isEqualTo(1.0);
        assertThat(Evaluation.ndcg(ranking, judged, 10)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void queriesWithoutRelevantDocumentsAreSkipped() {
        BeirDataset dataset = dataset(Map.of("q1", "first", "q2", "second", "q3", "third"),
                Map.of("q1", Map.of("a", 1), "q2", Map.of("b", 0)));

        EvaluationResult result = Evaluation.evaluate(dataset, (query, k) -> List.of(hit("a", 1.0)));

        assertThat(result.queryCount()).isEqualTo(1);
        assertThat(result.ndcgAt10()).isCloseTo(1.0, within(1e-12));
        assertThat(result.recallAt100()).isEqualTo(1.0);
    }

    @Test
    void averagesOverQueriesAndCountsAnEmptyResultAsZero() {
        BeirDataset dataset = dataset(Map.of("q1", "found", "q2", "missed"),
                Map.of("q1", Map.of("a", 1), "q2", Map.of("b", 1)));

        EvaluationResult result = Evaluation.evaluate(dataset,
                (query, k) -> query.equals("found") ? List.of(hit("a", 1.0)) : List.of());

        assertThat(result.queryCount()).isEqualTo(2);
        assertThat(result.ndcgAt10()).isCloseTo(0.5, within(1e-12));
        assertThat(result.recallAt100()).isEqualTo(0.5);
    }

    @Test
    void asksTheRetrieverForTheRecallDepth() {
        BeirDataset dataset = dataset(Map.of("q1", "text"), Map.of("q1", Map.of("a", 1)));
        int[] askedFor = new int[1];

        Evaluation.evaluate(dataset, (query, k) -> {
            askedFor[0] = k;
            return List.of();
        });

        assertThat(askedFor[0]).isEqualTo(Evaluation.RECALL_DEPTH);
    }

    @Test
    void judgedQueryWithoutTextIsAnError() {
        BeirDataset dataset = dataset(Map.of(), Map.of("q1", Map.of("a", 1)));

        assertThatThrownBy(() -> Evaluation.evaluate(dataset, (query, k) -> List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("q1");
    }

    private static ScoredDocument hit(String id, double score) {
        return new ScoredDocument(id, score);
    }

    private static BeirDataset dataset(Map<String, String> queries, Map<String, Map<String, Integer>> qrels) {
        return new BeirDataset("test", List.of(), queries, qrels);
    }
}
