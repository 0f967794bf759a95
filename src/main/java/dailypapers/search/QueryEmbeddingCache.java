package dailypapers.search;

import dailypapers.embedding.Encoder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Query vectors by query text, least recently used dropped first. Popular queries ("llm agents") then cost no
 * model call; the bound keeps memory flat (a 384-dimension vector is 1.5 KB).
 */
public final class QueryEmbeddingCache {

    public static final int DEFAULT_CAPACITY = 10_000;

    private final Encoder encoder;
    private final int capacity;
    private final Map<String, float[]> vectors;
    private long hits;
    private long misses;

    /** @param capacity query vectors kept; 0 keeps none (the search benchmark measures every model call) */
    public QueryEmbeddingCache(Encoder encoder, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative, got " + capacity);
        }
        this.encoder = encoder;
        this.capacity = capacity;
        this.vectors = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > QueryEmbeddingCache.this.capacity;
            }
        };
    }

    /** The query's vector, computed once per distinct text while it stays in the cache. */
    public float[] embed(String query) {
        String key = query.strip().replaceAll("\\s+", " ");
        synchronized (vectors) {
            float[] cached = vectors.get(key);
            if (cached != null) {
                hits++;
                return cached;
            }
            misses++;
        }
        // The model runs outside the lock; two threads may embed the same new query once each.
        float[] vector = encoder.encodeQuery(key);
        synchronized (vectors) {
            vectors.put(key, vector);
        }
        return vector;
    }

    public String model() {
        return encoder.model();
    }

    public Stats stats() {
        synchronized (vectors) {
            return new Stats(vectors.size(), hits, misses);
        }
    }

    public record Stats(int size, long hits, long misses) {
    }
}
