package dailypapers.embedding;

import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link OnnxEncoder} that loads its model on the first encode. Commands that only need to know which model
 * the stored vectors belong to (import, ingest, reindex) then never pay the second it takes to load.
 *
 * <p>Closing waits for every load and encode in flight and refuses later ones, so the model's native memory is
 * never released under a running native call.
 */
public final class LazyEncoder implements Encoder {

    private static final Logger log = LoggerFactory.getLogger(LazyEncoder.class);

    private final String model;
    private final int dimension;
    private final Supplier<? extends Encoder> load;
    /** Loads and encodes hold it shared; close holds it alone. Fair, so a waiting close is not starved. */
    private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock(true);
    private Encoder loaded;
    private boolean closed;

    public LazyEncoder(EncoderModel model, int maxTokens, int intraOpThreads) {
        this(OnnxEncoder.name(model, maxTokens), model.dimension(),
                () -> new OnnxEncoder(model, maxTokens, intraOpThreads));
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
        return withEncoder(e -> e.encodeQuery(query));
    }

    @Override
    public List<float[]> encodePassages(List<String> passages) {
        return withEncoder(e -> e.encodePassages(passages));
    }

    /** True once an encode has loaded the model. */
    public synchronized boolean isLoaded() {
        return loaded != null;
    }

    private <T> T withEncoder(Function<Encoder, T> work) {
        inUse.readLock().lock();
        try {
            return work.apply(encoder());
        } finally {
            inUse.readLock().unlock();
        }
    }

    private synchronized Encoder encoder() {
        if (closed) {
            throw new EncoderException("the embedding model " + model + " is closed");
        }
        if (loaded == null) {
            long started = System.nanoTime();
            log.info("loading the embedding model {}", model);
            loaded = load.get();
            log.info("loaded the embedding model {} in {} ms", model, (System.nanoTime() - started) / 1_000_000);
        }
        return loaded;
    }

    /** Waits for the loads and encodes in flight, then releases the model; later encodes fail. */
    @Override
    public void close() {
        inUse.writeLock().lock();
        try {
            synchronized (this) {
                closed = true;
                if (loaded != null) {
                    loaded.close();
                }
            }
        } finally {
            inUse.writeLock().unlock();
        }
    }
}
