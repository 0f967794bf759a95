package dailypapers.embedding;

/** The encoder search uses unless told otherwise; docs/search.md ("Embedding model") has the measurements. */
public final class Encoders {

    /** Chosen on SciFact quality and speed on a 2-core machine. */
    public static final EncoderModel DEFAULT_MODEL = EncoderModel.BGE_SMALL_EN_V15_Q;

    private Encoders() {
    }

    /** The default model on one thread: on a small server other requests want the second core. */
    public static Encoder defaultEncoder() {
        return defaultEncoder(1);
    }

    public static Encoder defaultEncoder(int intraOpThreads) {
        return new OnnxEncoder(DEFAULT_MODEL, OnnxEncoder.DEFAULT_MAX_TOKENS, intraOpThreads);
    }
}
