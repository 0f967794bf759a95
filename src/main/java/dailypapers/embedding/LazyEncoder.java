package dailypapers.embedding;

import java.util.List;
import java.util.function.Supplier;

/**
 * An {@link OnnxEncoder} that loads its model on the first encode. Commands that only need to know which model
 * the stored vectors belong to (import, ingest, reindex) then never pay the second it takes to load.
 */
public final class LazyEncoder implements Encoder {

    private final String model;
    private final int dimension;
    private final Supplier<? extends Encoder> load;
    private Encoder loaded;

    public LazyEncoder(EncoderModel model, int intraOpThreads) {
        this(OnnxEncoder.name(model), model.dimension(), () -> new OnnxEncoder(model, intraOpThreads));
    }

    /** Calls {@code load} on the first encode; {@code model} and {@code dimension} are those of what it loads. */
    LazyEncoder(String model, int dimension, Supplier<? extends Encoder> load) {
        this.model = model;
        this.dimension = dimension;
        this.load = load;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] encodeQuery(String query) {
        return encoder().encodeQuery(query);
    }

    @Override
    public List<float[]> encodePassages(List<String> passages) {
        return encoder().encodePassages(passages);
    }

    /** True once an encode has loaded the model. */
    public synchronized boolean isLoaded() {
        return loaded != null;
    }

    private synchronized Encoder encoder() {
        if (loaded == null) {
            loaded = load.get();
        }
        return loaded;
    }

    @Override
    public synchronized void close() {
        if (loaded != null) {
            loaded.close();
        }
    }
}
