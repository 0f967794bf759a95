package dailypapers.embedding;

/**
 * The models {@link OnnxEncoder} can run: ONNX exports (int8-quantised, "-q", or float32) whose model file and
 * tokenizer ship as classpath resources in LangChain4j's model jars on Maven Central. Each differs in how it pools
 * token vectors into one sentence vector and whether queries carry an instruction, as its model card prescribes.
 */
public enum EncoderModel {

    /** BAAI/bge-small-en-v1.5: CLS pooling, and an instruction before short queries that retrieve passages. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", 384,
            Pooling.CLS, "Represent this sentence for searching relevant passages: "),

    /** The float32 export of the same model: the weights as trained, about twice the CPU time per text. */
    BGE_SMALL_EN_V15("bge-small-en-v1.5", "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json", 384,
            Pooling.CLS, "Represent this sentence for searching relevant passages: "),

    /** sentence-transformers/all-MiniLM-L6-v2: mean pooling, no query instruction. */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", 384,
            Pooling.MEAN, "");

    /** How token vectors become one sentence vector. */
    public enum Pooling {
        /** The vector of the first token, [CLS]. */
        CLS,
        /** The average of the token vectors, padding left out. */
        MEAN
    }

    private final String id;
    private final String modelResource;
    private final String tokenizerResource;
    private final int dimension;
    private final Pooling pooling;
    private final String queryPrefix;

    EncoderModel(String id, String modelResource, String tokenizerResource, int dimension, Pooling pooling,
            String queryPrefix) {
        this.id = id;
        this.modelResource = modelResource;
        this.tokenizerResource = tokenizerResource;
        this.dimension = dimension;
        this.pooling = pooling;
        this.queryPrefix = queryPrefix;
    }

    public String id() {
        return id;
    }

    /** Classpath resource name of the ONNX model file. */
    public String modelResource() {
        return modelResource;
    }

    /** Classpath resource name of the Hugging Face tokenizer.json. */
    public String tokenizerResource() {
        return tokenizerResource;
    }

    public int dimension() {
        return dimension;
    }

    public Pooling pooling() {
        return pooling;
    }

    /** Put before a query, never before a passage; empty when the model takes queries as they are. */
    public String queryPrefix() {
        return queryPrefix;
    }
}
