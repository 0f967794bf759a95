package dailypapers.eval;

import dailypapers.eval.Evaluation.QueryScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * k-fold cross-validation of a setting: for each fold, the candidate with the best mean nDCG@10 on the other folds
 * is chosen and scored on the fold itself. The mean of those held-out scores estimates how the choosing procedure
 * does on queries it never saw, which the best score over all queries overstates.
 */
public final class CrossValidation {

    /** Fixed, so that every run and every candidate family splits the queries the same way. */
    public static final long SEED = 20_261_201L;

    private CrossValidation() {
    }

    /** The query ids in {@code folds} folds of near-equal size: sorted, shuffled with {@link #SEED}, dealt. */
    public static List<Set<String>> folds(Collection<String> queryIds, int folds) {
        if (folds < 2 || folds > queryIds.size()) {
            throw new IllegalArgumentException("folds must be between 2 and the number of queries (" + queryIds.size()
                    + "), got " + folds);
        }
        List<String> shuffled = new ArrayList<>(queryIds);
        Collections.sort(shuffled);
        Collections.shuffle(shuffled, new Random(SEED));
        List<Set<String>> split = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            split.add(new HashSet<>());
        }
        for (int i = 0; i < shuffled.size(); i++) {
            split.get(i % folds).add(shuffled.get(i));
        }
        return split;
    }

    /**
     * Cross-validates a choice among {@code candidates} (each one's per-query scores, every candidate scored on the
     * same queries); on equal training scores the earlier candidate wins.
     */
    public static <K> Result<K> run(List<Set<String>> folds, Map<K, Map<String, QueryScore>> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        List<Fold<K>> results = new ArrayList<>();
        for (Set<String> held : folds) {
            K best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Map.Entry<K, Map<String, QueryScore>> candidate : candidates.entrySet()) {
                double score = mean(candidate.getValue(), id -> !held.contains(id)).ndcgAt10();
                if (score > bestScore) {
                    best = candidate.getKey();
                    bestScore = score;
                }
            }
            results.add(new Fold<>(best, mean(candidates.get(best), held::contains)));
        }
        return new Result<>(results);
    }

    private static EvaluationResult mean(Map<String, QueryScore> scores, Predicate<String> keep) {
        List<QueryScore> kept = new ArrayList<>();
        scores.forEach((id, score) -> {
            if (keep.test(id)) {
                kept.add(score);
            }
        });
        return Evaluation.mean(kept);
    }

    public static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    /** The sample standard deviation; 0 for fewer than two values. */
    public static double spread(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
    }

    /** One fold: what the other folds chose, and its scores on this fold's queries. */
    public record Fold<K>(K chosen, EvaluationResult held) {
    }

    /** Every fold's outcome. */
    public record Result<K>(List<Fold<K>> folds) {

        public Result {
            folds = List.copyOf(folds);
        }

        /** Mean held-out nDCG@10 over the folds. */
        public double ndcg() {
            return mean(heldNdcg());
        }

        /** Sample standard deviation of the held-out nDCG@10 over the folds. */
        public double ndcgSpread() {
            return spread(heldNdcg());
        }

        private double[] heldNdcg() {
            return folds.stream().mapToDouble(f -> f.held().ndcgAt10()).toArray();
        }

        public double recall() {
            return folds.stream().mapToDouble(f -> f.held().recallAt100()).average().orElse(0);
        }

        /** The distinct choices, in fold order. */
        public List<K> choices() {
            return folds.stream().map(Fold::chosen).distinct().toList();
        }
    }
}
