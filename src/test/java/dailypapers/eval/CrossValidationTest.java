package dailypapers.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dailypapers.eval.Evaluation.QueryScore;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    private static final List<String> QUERIES = IntStream.range(0, 10).mapToObj(i -> "q" + i).toList();

    @Test
    void foldsPartitionTheQueriesTheSameWayEveryTime() {
        List<Set<String>> folds = CrossValidation.folds(QUERIES, 3);
        assertThat(folds).extracting(Set::size).containsExactlyInAnyOrder(4, 3, 3);
        Set<String> all = new HashSet<>();
        folds.forEach(all::addAll);
        assertThat(all).containsExactlyInAnyOrderElementsOf(QUERIES);
        assertThat(CrossValidation.folds(QUERIES.reversed(), 3)).as("input order does not matter").isEqualTo(folds);
        assertThatThrownBy(() -> CrossValidation.folds(QUERIES, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrossValidation.folds(QUERIES, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachFoldIsScoredWithWhatTheOtherFoldsChose() {
        // "b" is far better on q0 only; on any eight training queries its mean is at most (1.0 + 7 * 0.5) / 8,
        // below a's 0.6, so every fold chooses "a" and is scored with a's scores.
        Map<String, QueryScore> a = new LinkedHashMap<>();
        Map<String, QueryScore> b = new LinkedHashMap<>();
        for (String query : QUERIES) {
            a.put(query, new QueryScore(0.6, 1.0));
            b.put(query, new QueryScore(query.equals("q0") ? 1.0 : 0.5, 0.5));
        }
        List<Set<String>> folds = CrossValidation.folds(QUERIES, 5);
        CrossValidation.Result<String> result = CrossValidation.run(folds, Map.of("a", a, "b", b));
        assertThat(result.choices()).containsExactly("a");
        assertThat(result.folds()).allSatisfy(fold -> assertThat(fold.held().ndcgAt10()).isCloseTo(0.6, within(1e-9)));
        assertThat(result.ndcg()).isCloseTo(0.6, within(1e-9));
        assertThat(result.ndcgSpread()).isCloseTo(0.0, within(1e-9));
        assertThat(result.recall()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aChoiceThatOnlyWinsOnOneFoldIsScoredWhereItLoses() {
        // "b" wins only through q0 and q1 (both in one fold): the folds training on them choose "b", the fold that
        // holds them out chooses "a"; the held-out mean is below what "b" scores over all queries.
        List<Set<String>> folds = List.of(Set.of("q0", "q1"), Set.of("q2", "q3"), Set.of("q4", "q5"));
        Map<String, QueryScore> a = new LinkedHashMap<>();
        Map<String, QueryScore> b = new LinkedHashMap<>();
        for (String query : List.of("q0", "q1", "q2", "q3", "q4", "q5")) {
            boolean boost = query.equals("q0") || query.equals("q1");
            a.put(query, new QueryScore(0.5, 1));
            b.put(query, new QueryScore(boost ? 1.0 : 0.4, 1));
        }
        Map<String, Map<String, QueryScore>> candidates = new LinkedHashMap<>();
        candidates.put("a", a);
        candidates.put("b", b);
        CrossValidation.Result<String> result = CrossValidation.run(folds, candidates);
        assertThat(result.folds()).extracting(CrossValidation.Fold::chosen).containsExactly("a", "b", "b");
        assertThat(result.ndcg()).isCloseTo((0.5 + 0.4 + 0.4) / 3, within(1e-9));
        assertThat(result.ndcgSpread()).isGreaterThan(0);
    }
}
