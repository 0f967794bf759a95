package dailypapers.eval;

import dailypapers.embedding.Encoder;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Exact cosine search by comparing the query with every document vector. Slow at scale on purpose: it is the
 * reference that approximate (HNSW) search is measured against, and the dense baseline of model comparisons.
 */
public final class DenseRetriever implements Retriever {

    private final Encoder encoder;
    private final List<String> ids;
    private final int dimension;
    /** Unit-length copies of the document vectors, row after row, so a cosine is a dot product over one array. */
    private final float[] unitVectors;

    /** The vectors need not be unit length; a zero vector scores 0 against every query. */
    public DenseRetriever(Encoder encoder, List<String> ids, List<float[]> vectors) {
        if (ids.size() != vectors.size()) {
            throw new IllegalArgumentException(ids.size() + " ids but " + vectors.size() + " vectors");
        }
        this.encoder = encoder;
        this.ids = List.copyOf(ids);
        this.dimension = encoder.dimension();
        this.unitVectors = new float[Math.multiplyExact(ids.size(), dimension)];
        for (int row = 0; row < vectors.size(); row++) {
            float[] vector = vectors.get(row);
            if (vector.length != dimension) {
                throw new IllegalArgumentException("vector of " + ids.get(row) + " has " + vector.length
                        + " dimensions, the encoder " + dimension);
            }
            float[] unit = unitLength(vector);
            System.arraycopy(unit, 0, unitVectors, row * dimension, dimension);
        }
    }

    @Override
    public List<ScoredDocument> retrieve(String query, int k) {
        return search(encoder.encodeQuery(query), k);
    }

    /** The {@code k} documents most cosine-similar to the vector, in {@link ScoredDocument#TREC_ORDER}. */
    public List<ScoredDocument> search(float[] query, int k) {
        if (query.length != dimension) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, documents " + dimension);
        }
        if (k <= 0) {
            return List.of();
        }
        float[] unitQuery = unitLength(query);
        // The head is the worst of the best k so far: a document that does not beat it is skipped without allocating.
        PriorityQueue<ScoredDocument> best = new PriorityQueue<>(k + 1, ScoredDocument.TREC_ORDER.reversed());
        for (int row = 0; row < ids.size(); row++) {
            double score = dot(unitQuery, row * dimension);
            if (best.size() == k) {
                ScoredDocument worst = best.peek();
                if (score < worst.score() || score == worst.score() && ids.get(row).compareTo(worst.id()) < 0) {
                    continue;
                }
            }
            best.add(new ScoredDocument(ids.get(row), score));
            if (best.size() > k) {
                best.poll();
            }
        }
        List<ScoredDocument> ranking = new ArrayList<>(best);
        ranking.sort(ScoredDocument.TREC_ORDER);
        return ranking;
    }

    private double dot(float[] query, int offset) {
        double sum = 0;
        for (int i = 0; i < dimension; i++) {
            sum += query[i] * unitVectors[offset + i];
        }
        return sum;
    }

    private static float[] unitLength(float[] vector) {
        double squares = 0;
        for (float value : vector) {
            squares += value * value;
        }
        float[] unit = new float[vector.length];
        if (squares > 0) {
            double norm = Math.sqrt(squares);
            for (int i = 0; i < vector.length; i++) {
                unit[i] = (float) (vector[i] / norm);
            }
        }
        return unit;
    }
}
