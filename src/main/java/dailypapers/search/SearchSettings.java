package dailypapers.search;

import dailypapers.embedding.Encoder;
import dailypapers.embedding.EncoderModel;
import dailypapers.embedding.LazyEncoder;
import dailypapers.embedding.OnnxEncoder;
import java.util.Optional;

/**
 * How this instance searches: the engine, the embedding model and its token limit, the embedding job's threads, how
 * keyword and semantic results are fused and how many candidates each side brings.
 *
 * @param modelTokens texts are cut at this many tokens before embedding
 * @param solr        the SolrCloud cluster, used when {@code engine} is {@link SearchEngine#SOLR}
 */
public record SearchSettings(SearchEngine engine, Optional<EncoderModel> model, int modelTokens,
        int embeddingThreads, Ranker.Tuning tuning, SolrSettings solr) {

    /** The vector dimension an index is created with when no model is configured (it then holds no vectors). */
    private static final int DIMENSION_WITHOUT_MODEL = 384;

    /** The dimension of the configured model's vectors, which an engine with a schema declares up front. */
    public int vectorDimension() {
        return model.map(EncoderModel::dimension).orElse(DIMENSION_WITHOUT_MODEL);
    }

    /** The model as a lazily loaded encoder on {@code intraOpThreads} threads, when one is configured. */
    public Optional<Encoder> encoder(int intraOpThreads) {
        return model.map(m -> new LazyEncoder(m, modelTokens, intraOpThreads));
    }

    /** The name vectors of this model and token limit are stored under, e.g. {@code bge-small-en-v1.5-q/256}. */
    public Optional<String> modelName() {
        return model.map(m -> OnnxEncoder.name(m, modelTokens));
    }

    /** Keyword search only, and one embedding thread should a model be set later. */
    public SearchSettings withoutModel() {
        return new SearchSettings(engine, Optional.empty(), modelTokens, 1, tuning, solr);
    }
}
