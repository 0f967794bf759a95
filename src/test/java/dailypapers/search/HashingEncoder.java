package dailypapers.search;

import dailypapers.embedding.Encoder;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A small deterministic stand-in for the embedding model: a hashed bag of words (each lower-case word adds +1 or -1
 * to one of {@link #DIMENSION} buckets), normalised to unit length. Texts that share words are near each other,
 * which is all search needs from a model in tests. Counts its calls, and can be told to fail.
 */
public final class HashingEncoder implements Encoder {

    public static final int DIMENSION = 64;
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicInteger passages = new AtomicInteger();
    private volatile boolean failing;

    @Override
    public String model() {
        return "test-hashing-" + DIMENSION;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] encodeQuery(String query) {
        queries.incrementAndGet();
        return encode(query);
    }

    @Override
    public List<float[]> encodePassages(List<String> texts) {
        passages.addAndGet(texts.size());
        return texts.stream().map(this::encode).toList();
    }

    private float[] encode(String text) {
        if (failing) {
            throw new IllegalStateException("the test encoder was told to fail");
        }
        float[] vector = new float[DIMENSION];
        for (String word : NOT_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (word.isEmpty()) {
                continue;
            }
            int hash = word.hashCode();
            vector[Math.floorMod(hash, DIMENSION)] += (hash & 0x100) == 0 ? 1 : -1;
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            vector[0] = 1;
            return vector;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < DIMENSION; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    public int queryCalls() {
        return queries.get();
    }

    public int passageCalls() {
        return passages.get();
    }

    public void setFailing(boolean failing) {
        this.failing = failing;
    }

    @Override
    public void close() {
    }
}
