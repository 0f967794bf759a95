package dailypapers.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs an {@link EncoderModel} in process with ONNX Runtime; the Hugging Face tokenizer is the Rust library through
 * DJL, both loaded from classpath resources. Texts are cut at a token limit. Safe for concurrent
 * encodes; close it once no encode is running.
 */
public final class OnnxEncoder implements Encoder {

    /**
     * Texts are cut at this many tokens unless told otherwise: docs/search.md ("Embedding model") has the quality
     * and speed of 256 against 512.
     */
    public static final int DEFAULT_MAX_TOKENS = 256;

    /** The longest input the BERT-style models here take: their position embeddings stop at 512. */
    public static final int MODEL_MAX_TOKENS = 512;

    /** One text per model call: on a 2-core machine, padding a batch to its longest text cost more than it saved. */
    public static final int DEFAULT_BATCH_SIZE = 1;

    static {
        // DJL probes the EC2 metadata address and sends telemetry when a tokenizer is created unless opted out, and
        // may fetch native files unless offline; a self-hosted service talks to nobody it was not asked to.
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("offline", "true");
    }

    private final EncoderModel model;
    private final int maxTokens;
    private final int batchSize;
    private final String queryPrefix;
    private final OrtEnvironment environment;
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final boolean takesTokenTypes;
    private final HuggingFaceTokenizer tokenizer;

    /**
     * Loads the model; takes about a second.
     *
     * @param maxTokens        texts are cut at this many tokens, [CLS] and [SEP] included (at most
     *                         {@link #MODEL_MAX_TOKENS})
     * @param intraOpThreads   threads ONNX Runtime may use for one model call
     * @param batchSize        texts per model call in {@link #encodePassages}
     * @param queryInstruction whether queries carry the model card's instruction; off only to measure what it buys
     */
    public OnnxEncoder(EncoderModel model, int maxTokens, int intraOpThreads, int batchSize, boolean queryInstruction) {
        if (intraOpThreads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threads and batch size must be positive, were " + intraOpThreads
                    + " and " + batchSize);
        }
        if (maxTokens < 16 || maxTokens > MODEL_MAX_TOKENS) {
            throw new IllegalArgumentException("the token limit must be between 16 and " + MODEL_MAX_TOKENS + ", was "
                    + maxTokens);
        }
        this.model = model;
        this.maxTokens = maxTokens;
        this.batchSize = batchSize;
        this.queryPrefix = queryInstruction ? model.queryPrefix() : "";
        this.environment = OrtEnvironment.getEnvironment();
        byte[] modelFile = readResource(model.modelResource());
        try {
            this.options = sessionOptions(intraOpThreads);
        } catch (OrtException e) {
            throw new EncoderException("cannot configure ONNX Runtime", e);
        }
        try {
            this.session = environment.createSession(modelFile, options);
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw new EncoderException("cannot load " + model.modelResource(), e);
        }
        this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
        try {
            this.tokenizer = openTokenizer(model.tokenizerResource(), maxTokens);
        } catch (RuntimeException e) {
            closeSession();
            throw e;
        }
    }

    public OnnxEncoder(EncoderModel model, int maxTokens, int intraOpThreads) {
        this(model, maxTokens, intraOpThreads, DEFAULT_BATCH_SIZE, true);
    }

    /** The model and its token limit, e.g. {@code bge-small-en-v1.5-q/256}: vectors from different ids differ. */
    @Override
    public String model() {
        return name(model, maxTokens);
    }

    /** What {@link #model()} returns for {@code model} and the limit, known without loading it. */
    public static String name(EncoderModel model, int maxTokens) {
        return model.id() + "/" + maxTokens;
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] encodeQuery(String query) {
        return encodeBatch(List.of(queryPrefix + Objects.requireNonNull(query, "query"))).getFirst();
    }

    @Override
    public List<float[]> encodePassages(List<String> passages) {
        List<float[]> vectors = new ArrayList<>(passages.size());
        for (int start = 0; start < passages.size(); start += batchSize) {
            vectors.addAll(encodeBatch(passages.subList(start, Math.min(passages.size(), start + batchSize))));
        }
        return vectors;
    }

    @Override
    public void close() {
        tokenizer.close();
        closeSession();
    }

    private void closeSession() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new EncoderException("cannot close " + model.modelResource(), e);
        } finally {
            options.close();
        }
    }

    private List<float[]> encodeBatch(List<String> texts) {
        TokenBatch batch = tokenize(texts);
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(batch.ids()), batch.shape()));
            inputs.put("attention_mask",
                    OnnxTensor.createTensor(environment, LongBuffer.wrap(batch.mask()), batch.shape()));
            if (takesTokenTypes) {
                inputs.put("token_type_ids",
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(batch.types()), batch.shape()));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                return pool(((OnnxTensor) result.get(0)).getFloatBuffer(), batch);
            }
        } catch (OrtException e) {
            throw new EncoderException("cannot run " + model.modelResource(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** The tokenizer truncates to the token limit and pads every text to the longest one of the batch. */
    private TokenBatch tokenize(List<String> texts) {
        // A single text skips the batch call, which would hand the work to a pool of tokenizer threads for nothing.
        Encoding[] encodings = texts.size() == 1
                ? new Encoding[] {tokenizer.encode(texts.getFirst())}
                : tokenizer.batchEncode(texts.toArray(String[]::new));
        int length = encodings[0].getIds().length;
        TokenBatch batch = new TokenBatch(encodings.length, length, new long[encodings.length * length],
                new long[encodings.length * length], new long[encodings.length * length]);
        for (int row = 0; row < encodings.length; row++) {
            if (encodings[row].getIds().length != length) {
                throw new EncoderException("the tokenizer did not pad the batch to one length");
            }
            System.arraycopy(encodings[row].getIds(), 0, batch.ids(), row * length, length);
            System.arraycopy(encodings[row].getAttentionMask(), 0, batch.mask(), row * length, length);
            System.arraycopy(encodings[row].getTypeIds(), 0, batch.types(), row * length, length);
        }
        return batch;
    }

    /** Token vectors [rows, length, dimension] to one unit-length vector per row. */
    private List<float[]> pool(FloatBuffer tokenVectors, TokenBatch batch) {
        int dimension = model.dimension();
        int length = batch.length();
        if (tokenVectors.remaining() != batch.rows() * length * dimension) {
            throw new EncoderException(model.modelResource() + " returned " + tokenVectors.remaining()
                    + " values for " + batch.rows() + " x " + length + " tokens of " + dimension + " dimensions");
        }
        int pooledTokens = model.pooling() == EncoderModel.Pooling.CLS ? 1 : length;
        // A mean is a sum divided by the token count; scaling to unit length makes the division moot.
        List<float[]> vectors = new ArrayList<>(batch.rows());
        for (int row = 0; row < batch.rows(); row++) {
            float[] vector = new float[dimension];
            for (int token = 0; token < pooledTokens; token++) {
                if (batch.mask()[row * length + token] == 0) {
                    continue;
                }
                int offset = (row * length + token) * dimension;
                for (int i = 0; i < dimension; i++) {
                    vector[i] += tokenVectors.get(offset + i);
                }
            }
            vectors.add(unitLength(vector));
        }
        return vectors;
    }

    /** Scales in place to unit length, so cosine similarity is a dot product. */
    private static float[] unitLength(float[] vector) {
        double squares = 0;
        for (float value : vector) {
            squares += value * value;
        }
        double norm = Math.max(Math.sqrt(squares), 1e-12);
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) (vector[i] / norm);
        }
        return vector;
    }

    private static OrtSession.SessionOptions sessionOptions(int intraOpThreads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setIntraOpNumThreads(intraOpThreads);
        options.setInterOpNumThreads(1);
        // Idle workers would otherwise spin between calls, taking a core from the web server on a small machine.
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }

    private static HuggingFaceTokenizer openTokenizer(String resource, int maxTokens) {
        Map<String, String> settings = Map.of(
                "addSpecialTokens", "true",
                "truncation", "true",
                "maxLength", String.valueOf(maxTokens),
                "padding", "true");
        try (InputStream in = openResource(resource)) {
            return HuggingFaceTokenizer.newInstance(in, settings);
        } catch (IOException e) {
            throw new EncoderException("cannot read " + resource, e);
        }
    }

    private static byte[] readResource(String resource) {
        try (InputStream in = openResource(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new EncoderException("cannot read " + resource, e);
        }
    }

    private static InputStream openResource(String resource) {
        InputStream in = OnnxEncoder.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new EncoderException(resource + " is not on the classpath; its model jar is missing from the build");
        }
        return in;
    }

    /** Token ids, attention mask and token types, row after row, every row {@code length} tokens long. */
    private record TokenBatch(int rows, int length, long[] ids, long[] mask, long[] types) {

        long[] shape() {
            return new long[] {rows, length};
        }
    }
}
