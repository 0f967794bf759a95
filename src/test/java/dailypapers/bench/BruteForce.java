package dailypapers.bench;

import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/** Exact nearest neighbours by scanning every vector: the reference the index's graph search is measured against. */
final class BruteForce {

    private BruteForce() {
    }

    /** Ids of the {@code k} vectors with the largest dot product with {@code query} (unit vectors: cosine). */
    static Set<String> top(float[] all, int dimension, List<String> ids, float[] query, int k) {
        PriorityQueue<Scored> best = new PriorityQueue<>(k + 1, (a, b) -> Float.compare(a.score(), b.score()));
        int count = all.length / dimension;
        for (int i = 0; i < count; i++) {
            float dot = 0;
            int base = i * dimension;
            for (int d = 0; d < dimension; d++) {
                dot += all[base + d] * query[d];
            }
            if (best.size() < k) {
                best.add(new Scored(i, dot));
            } else if (dot > best.peek().score()) {
                best.poll();
                best.add(new Scored(i, dot));
            }
        }
        Set<String> top = new HashSet<>();
        best.forEach(s -> top.add(ids.get(s.index())));
        return top;
    }

    private record Scored(int index, float score) {
    }
}
