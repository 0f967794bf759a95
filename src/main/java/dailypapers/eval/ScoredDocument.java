package dailypapers.eval;

import java.util.Comparator;

/** One retrieved document and the score its retriever gave it. */
public record ScoredDocument(String id, double score) {

    /**
     * trec_eval's order: higher score first, equal scores by document id in descending string order. Evaluation
     * ranks by this rather than by the order a retriever returns, so two runs that agree on scores agree on metrics.
     */
    public static final Comparator<ScoredDocument> TREC_ORDER = Comparator.comparingDouble(ScoredDocument::score)
            .thenComparing(ScoredDocument::id).reversed();

    public ScoredDocument {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("document id is empty");
        }
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score of " + id + " is NaN");
        }
    }
}
