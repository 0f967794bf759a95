package dailypapers.eval;

import java.util.Locale;

/** Mean metrics over the evaluated queries: those with at least one relevant document. */
public record EvaluationResult(double ndcgAt10, double recallAt100, int queryCount) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "nDCG@10 %.4f, Recall@100 %.4f over %d queries", ndcgAt10, recallAt100,
                queryCount);
    }
}
