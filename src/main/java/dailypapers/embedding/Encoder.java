package dailypapers.embedding;

import java.util.List;

/**
 * Turns text into a unit-length sentence embedding. Queries and passages are encoded differently by some models
 * (bge prefixes queries with an instruction), so the two have their own methods.
 */
public interface Encoder extends AutoCloseable {

    /** Identifies the model and its settings; stored with each vector so a model change means recomputing. */
    String model();

    int dimension();

    float[] encodeQuery(String query);

    /** Encodes paper texts (title and abstract), one vector per text, in the same order. */
    List<float[]> encodePassages(List<String> passages);

    @Override
    void close();
}
