package dailypapers.embedding;

import java.util.List;

/**
 * An {@link OnnxEncoder} that loads its model on the first encode. Commands that only need to know which model
 * the stored vectors belong to (import, ingest, reindex) then never pay the second it takes to load.
 */
public final class LazyEncoder implements Encoder {

    private final EncoderModel model;
    private final int intraOpThreads;
    private OnnxEncoder loaded;

    public LazyEncoder(EncoderModel model, int intraOpThreads) {
        this.model = model;
        this.intraOpThreads = intraOpThreads;
    }

    @Override
    public String model() {
        return OnnxEncoder.name(model);
    }

    @Override
    public int dimension() {
        return model.dimension();
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

    private synchronized OnnxEncoder encoder() {
        if (loaded == null) {
            loaded = new OnnxEncoder(model, intraOpThreads);
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
