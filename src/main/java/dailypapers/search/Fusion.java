package dailypapers.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * Merges a keyword ranking and a semantic ranking into one. Each fused hit remembers its rank in both inputs, so a
 * result can say why it is where it is. docs/search.md ("Search quality") has the measurements behind the default.
 */
public sealed interface Fusion {

    List<FusedHit> fuse(List<Hit> keyword, List<Hit> semantic);

    /** Its kind and parameters in words, e.g. {@code convex, keyword weight 0.07}. */
    String describe();

    /** A fused hit; ranks count from 1 and are 0 when the input did not have the document. */
    record FusedHit(String id, double score, int keywordRank, int semanticRank) {
    }

    /** Orders by score, best first, and ties by descending id, as {@link SearchIndex} orders its answers. */
    Comparator<FusedHit> ORDER = Comparator.comparingDouble(FusedHit::score).thenComparing(FusedHit::id)
            .reversed();

    /**
     * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009), weighted: a document scores
     * {@code 2 w / (k + keyword rank) + 2 (1 - w) / (k + semantic rank)} over the rankings that hold it, so that
     * {@code w = 0.5} is the original, unweighted method. It needs no calibration between BM25 and cosine scores.
     */
    record ReciprocalRank(int k, double keywordWeight) implements Fusion {

        /** The constant of the original paper, also the default of Elasticsearch, OpenSearch and Solr. */
        public static final int DEFAULT_K = 60;

        public ReciprocalRank {
            if (k < 1) {
                throw new IllegalArgumentException("k must be positive, got " + k);
            }
            checkWeight(keywordWeight);
        }

        @Override
        public List<FusedHit> fuse(List<Hit> keyword, List<Hit> semantic) {
            return combine(keyword, semantic, keywordWeight, (hits, i) -> 1.0 / (k + i + 1));
        }

        @Override
        public String describe() {
            return "rrf k=" + k + ", keyword weight " + keywordWeight;
        }
    }

    /**
     * A convex combination of normalised scores (Bruch, Gai and Ingber, "An Analysis of Fusion Functions for Hybrid
     * Retrieval", TOIS 2023): {@code 2 (w * keyword + (1 - w) * semantic)}, each side's score divided by the best score
     * on its list (the factor 2 keeps the scale of the weighted RRF above). Both engines score from a floor of 0 (BM25,
     * and Lucene's {@code (1 + cosine) / 2}), so this is the paper's theoretical min-max normalisation; a document
     * absent from one list scores 0 there. Since a semantic candidate's share is at least {@code (1 - w) / 2}, with
     * the default weight every semantic candidate outranks every paper found by its words alone: words reorder the
     * near neighbours.
     */
    record Convex(double keywordWeight) implements Fusion {

        public Convex {
            checkWeight(keywordWeight);
        }

        @Override
        public List<FusedHit> fuse(List<Hit> keyword, List<Hit> semantic) {
            return combine(keyword, semantic, keywordWeight, (hits, i) -> {
                double best = hits.getFirst().score();
                return best > 0 ? hits.get(i).score() / best : 0;
            });
        }

        @Override
        public String describe() {
            return "convex, keyword weight " + keywordWeight;
        }
    }

    private static void checkWeight(double weight) {
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("the keyword weight must be between 0 and 1, got " + weight);
        }
    }

    /** Sums each document's weighted side scores: {@code 2 w} for the keyword side, {@code 2 (1 - w)} semantic. */
    private static List<FusedHit> combine(List<Hit> keyword, List<Hit> semantic, double keywordWeight,
            ToDoubleBiFunction<List<Hit>, Integer> side) {
        Map<String, double[]> byId = new HashMap<>();
        add(byId, keyword, 0, 2 * keywordWeight, side);
        add(byId, semantic, 1, 2 * (1 - keywordWeight), side);
        List<FusedHit> fused = new ArrayList<>(byId.size());
        byId.forEach((id, v) -> fused.add(new FusedHit(id, v[0] + v[1], (int) v[2], (int) v[3])));
        fused.sort(ORDER);
        return fused;
    }

    /** Per document: weighted scores in slots 0 and 1, 1-based ranks in slots 2 and 3. */
    private static void add(Map<String, double[]> byId, List<Hit> hits, int slot, double weight,
            ToDoubleBiFunction<List<Hit>, Integer> side) {
        for (int i = 0; i < hits.size(); i++) {
            double[] values = byId.computeIfAbsent(hits.get(i).id(), id -> new double[4]);
            values[slot] = weight * side.applyAsDouble(hits, i);
            values[slot + 2] = i + 1;
        }
    }
}
