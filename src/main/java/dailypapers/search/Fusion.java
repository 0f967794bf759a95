package dailypapers.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a keyword ranking and a semantic ranking into one. Each fused hit remembers its rank in both inputs, so a
 * result can say why it is where it is.
 */
public interface Fusion {

    List<FusedHit> fuse(List<Hit> keyword, List<Hit> semantic);

    /** A fused hit; ranks count from 1 and are 0 when the input did not have the document. */
    record FusedHit(String id, double score, int keywordRank, int semanticRank) {
    }

    /** Orders by score, best first, and ties by descending id, as {@link SearchIndex} orders its answers. */
    Comparator<FusedHit> ORDER = Comparator.comparingDouble(FusedHit::score).thenComparing(FusedHit::id)
            .reversed();

    /**
     * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): each document scores
     * {@code sum 1 / (k + rank)} over the rankings that hold it. It needs no score calibration between BM25 and
     * cosine similarity, which is why it is the default.
     */
    record ReciprocalRank(int k) implements Fusion {

        /** The constant of the original paper, also the default of Elasticsearch, OpenSearch and Solr. */
        public static final int DEFAULT_K = 60;

        public ReciprocalRank {
            if (k < 1) {
                throw new IllegalArgumentException("k must be positive, got " + k);
            }
        }

        @Override
        public List<FusedHit> fuse(List<Hit> keyword, List<Hit> semantic) {
            Map<String, double[]> byId = new HashMap<>();
            add(byId, keyword, 0);
            add(byId, semantic, 1);
            List<FusedHit> fused = new ArrayList<>(byId.size());
            byId.forEach((id, v) -> fused.add(new FusedHit(id, score(v[0]) + score(v[1]), (int) v[0], (int) v[1])));
            fused.sort(ORDER);
            return fused;
        }

        private double score(double rank) {
            return rank == 0 ? 0 : 1.0 / (k + rank);
        }

        private static void add(Map<String, double[]> byId, List<Hit> hits, int slot) {
            for (int i = 0; i < hits.size(); i++) {
                byId.computeIfAbsent(hits.get(i).id(), id -> new double[2])[slot] = i + 1;
            }
        }
    }
}
