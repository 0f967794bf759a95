package dailypapers.eval;

import java.util.List;

/** Anything that ranks documents for a query text: BM25, dense, hybrid. What {@link Evaluation} measures. */
@FunctionalInterface
public interface Retriever {

    /** At most {@code k} documents; their order does not matter to evaluation, their scores do. */
    List<ScoredDocument> retrieve(String query, int k);
}
