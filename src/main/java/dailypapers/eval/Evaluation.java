package dailypapers.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * nDCG@10 and Recall@100 with trec_eval's semantics, the ones BEIR reports through pytrec_eval, so our numbers can
 * be set beside published ones:
 * <ul>
 * <li>only queries whose qrels name at least one relevant document (grade above 0) count;</li>
 * <li>results are ranked by score, equal scores by document id descending ({@link ScoredDocument#TREC_ORDER}),
 * whatever order the retriever returned them in;</li>
 * <li>a document returned twice counts once, at its better rank;</li>
 * <li>a document's gain is its grade (not 2^grade - 1), discounted by log2(rank + 1); the ideal ranking is the
 * query's judged grades, best first;</li>
 * <li>a query the retriever finds nothing for scores zero rather than dropping out of the mean.</li>
 * </ul>
 */
public final class Evaluation {

    public static final int NDCG_DEPTH = 10;
    public static final int RECALL_DEPTH = 100;

    private Evaluation() {
    }

    /** Asks the retriever for {@link #RECALL_DEPTH} documents per judged query and averages the metrics. */
    public static EvaluationResult evaluate(BeirDataset dataset, Retriever retriever) {
        return mean(perQuery(dataset, retriever).values());
    }

    /** The metrics of each judged query (those with a relevant document), by query id, in the qrels' order. */
    public static Map<String, QueryScore> perQuery(BeirDataset dataset, Retriever retriever) {
        return perQuery(dataset, retriever, 1);
    }

    /** {@link #perQuery(BeirDataset, Retriever)} with queries run on {@code threads} threads at once. */
    public static Map<String, QueryScore> perQuery(BeirDataset dataset, Retriever retriever, int threads) {
        List<String> judged = new ArrayList<>();
        dataset.qrels().forEach((query, grades) -> {
            if (relevantCount(grades) > 0) {
                if (!dataset.queries().containsKey(query)) {
                    throw new IllegalArgumentException("qrels judge query " + query + ", which queries lack");
                }
                judged.add(query);
            }
        });
        List<Future<QueryScore>> scores = new ArrayList<>(judged.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (String query : judged) {
                scores.add(pool.submit(() -> {
                    Map<String, Integer> grades = dataset.qrels().get(query);
                    List<ScoredDocument> ranking = rank(retriever.retrieve(dataset.queries().get(query),
                            RECALL_DEPTH));
                    return new QueryScore(ndcg(ranking, grades, NDCG_DEPTH), recall(ranking, grades, RECALL_DEPTH));
                }));
            }
        }
        Map<String, QueryScore> ordered = new LinkedHashMap<>();
        for (int i = 0; i < judged.size(); i++) {
            try {
                ordered.put(judged.get(i), scores.get(i).get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return ordered;
    }

    /** The mean of some queries' metrics; zeros for none. */
    public static EvaluationResult mean(Collection<QueryScore> scores) {
        if (scores.isEmpty()) {
            return new EvaluationResult(0, 0, 0);
        }
        double ndcgSum = 0;
        double recallSum = 0;
        for (QueryScore score : scores) {
            ndcgSum += score.ndcgAt10();
            recallSum += score.recallAt100();
        }
        return new EvaluationResult(ndcgSum / scores.size(), recallSum / scores.size(), scores.size());
    }

    /** One query's nDCG@10 and Recall@100. */
    public record QueryScore(double ndcgAt10, double recallAt100) {
    }

    /** The results in {@link ScoredDocument#TREC_ORDER}, each document once. */
    static List<ScoredDocument> rank(List<ScoredDocument> results) {
        List<ScoredDocument> sorted = new ArrayList<>(results);
        sorted.sort(ScoredDocument.TREC_ORDER);
        Set<String> seen = new HashSet<>();
        List<ScoredDocument> ranking = new ArrayList<>(sorted.size());
        for (ScoredDocument result : sorted) {
            if (seen.add(result.id())) {
                ranking.add(result);
            }
        }
        return ranking;
    }

    static double ndcg(List<ScoredDocument> ranking, Map<String, Integer> judged, int depth) {
        double dcg = 0;
        for (int i = 0; i < Math.min(depth, ranking.size()); i++) {
            dcg += gain(judged.getOrDefault(ranking.get(i).id(), 0)) / discount(i);
        }
        List<Integer> ideal = judged.values().stream().filter(grade -> grade > 0)
                .sorted((a, b) -> Integer.compare(b, a)).limit(depth).toList();
        double idealDcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idealDcg += gain(ideal.get(i)) / discount(i);
        }
        return idealDcg == 0 ? 0 : dcg / idealDcg;
    }

    static double recall(List<ScoredDocument> ranking, Map<String, Integer> judged, int depth) {
        int relevant = relevantCount(judged);
        if (relevant == 0) {
            return 0;
        }
        long found = ranking.stream().limit(depth).filter(result -> judged.getOrDefault(result.id(), 0) > 0).count();
        return (double) found / relevant;
    }

    private static int relevantCount(Map<String, Integer> judged) {
        return (int) judged.values().stream().filter(grade -> grade > 0).count();
    }

    private static double gain(int grade) {
        return Math.max(grade, 0);
    }

    /** log2(rank + 1) for the 1-based rank of the 0-based position. */
    private static double discount(int position) {
        return Math.log(position + 2) / Math.log(2);
    }
}
