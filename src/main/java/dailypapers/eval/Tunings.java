package dailypapers.eval;

import dailypapers.search.Fusion;
import dailypapers.search.Ranker.Tuning;
import dailypapers.search.lucene.LuceneSearchIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hybrid tunings cross-validation chooses among, by family; each family is one row of {@code eval --folds}. */
public final class Tunings {

    static final int[] RRF_K = {1, 2, 5, 10, 20, 60};
    static final double[] RRF_KEYWORD_WEIGHTS = {0.2, 0.3, 0.4, 0.5, 0.6};
    /**
     * Semantic scores ({@code (1 + cosine) / 2}) of one query's candidates lie close together, so divided by the
     * best they span about a tenth of what keyword scores span: useful keyword weights are small.
     */
    static final double[] CONVEX_KEYWORD_WEIGHTS = {0.01, 0.02, 0.03, 0.04, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3, 0.5};
    static final int[] CONVEX_CANDIDATES = {100, 200};
    /** Not below 100: an evaluation asks for 100 results, so a search looks at 100 a side whatever is set. */
    static final int[] CANDIDATES = {100, 200, 400};
    private static final int FIXED_CANDIDATES = 100;

    private static final float[] BM25_K1 = {0.6f, 0.9f, 1.2f, 1.5f};
    private static final float[] BM25_B = {0.3f, 0.4f, 0.5f, 0.75f};

    private Tunings() {
    }

    /** The BM25 parameters the keyword row chooses among, the default first. */
    public static List<LuceneSearchIndex.Bm25> bm25() {
        List<LuceneSearchIndex.Bm25> grid = new ArrayList<>(List.of(LuceneSearchIndex.Bm25.DEFAULT));
        for (float k1 : BM25_K1) {
            for (float b : BM25_B) {
                LuceneSearchIndex.Bm25 bm25 = new LuceneSearchIndex.Bm25(k1, b);
                if (!grid.contains(bm25)) {
                    grid.add(bm25);
                }
            }
        }
        return grid;
    }

    /**
     * The configured tuning alone; textbook RRF; RRF over k and the keyword weight; a convex combination over the
     * keyword weight and the candidates; and the configured fusion over the candidates per side.
     */
    public static Map<String, List<Tuning>> families(Tuning configured) {
        Map<String, List<Tuning>> families = new LinkedHashMap<>();
        families.put("as configured", List.of(configured));
        families.put("rrf k=60, equal weights", List.of(Tuning.TEXTBOOK));
        List<Tuning> rrf = new ArrayList<>();
        for (int k : RRF_K) {
            for (double weight : RRF_KEYWORD_WEIGHTS) {
                rrf.add(new Tuning(new Fusion.ReciprocalRank(k, weight), FIXED_CANDIDATES));
            }
        }
        families.put("rrf, k and weight chosen", rrf);
        List<Tuning> convex = new ArrayList<>();
        for (int candidates : CONVEX_CANDIDATES) {
            for (double weight : CONVEX_KEYWORD_WEIGHTS) {
                convex.add(new Tuning(new Fusion.Convex(weight), candidates));
            }
        }
        families.put("convex, weight and candidates chosen", convex);
        List<Tuning> depth = new ArrayList<>();
        for (int candidates : CANDIDATES) {
            depth.add(new Tuning(configured.fusion(), candidates));
        }
        families.put("configured fusion, candidates chosen", depth);
        return families;
    }
}
