package dailypapers.search;

import dailypapers.embedding.Encoder;
import dailypapers.search.Fusion.FusedHit;
import java.util.List;
import java.util.Optional;

/**
 * Ranked retrieval over one index in each mode, without the product around it (no query syntax, no exact-match
 * pins, no paging): the piece an evaluation runs over a test collection, and the piece {@link SearchService}
 * builds on.
 */
public final class Retriever {

    private final SearchIndex index;
    private final Optional<QueryEmbeddingCache> queryVectors;
    private final Fusion fusion;

    public Retriever(SearchIndex index, Optional<QueryEmbeddingCache> queryVectors, Fusion fusion) {
        this.index = index;
        this.queryVectors = queryVectors;
        this.fusion = fusion;
    }

    /** Retrieval over {@code index}, with query vectors from {@code encoder} (may be null) and rank fusion. */
    public static Retriever over(SearchIndex index, Encoder encoder) {
        return over(index, encoder, QueryEmbeddingCache.DEFAULT_CAPACITY);
    }

    /** As {@link #over(SearchIndex, Encoder)}, keeping {@code cachedQueries} query vectors (0: none). */
    public static Retriever over(SearchIndex index, Encoder encoder, int cachedQueries) {
        return new Retriever(index,
                Optional.ofNullable(encoder).map(e -> new QueryEmbeddingCache(e, cachedQueries)),
                new Fusion.ReciprocalRank(Fusion.ReciprocalRank.DEFAULT_K));
    }

    /**
     * The {@code k} best documents for plain query text in {@code mode}, best first, ties by id. Hybrid fuses the
     * top {@code k} of each part. Semantic and hybrid need an encoder.
     */
    public List<Hit> rank(String text, SearchMode mode, int k) {
        return switch (mode) {
            case KEYWORD -> keyword(KeywordQuery.text(text), k);
            case SEMANTIC -> semantic(text, Filters.NONE, k);
            case HYBRID -> hybrid(KeywordQuery.text(text), text, k).stream().limit(k)
                    .map(h -> new Hit(h.id(), h.score())).toList();
        };
    }

    public boolean canEmbed() {
        return queryVectors.isPresent();
    }

    public Optional<String> model() {
        return queryVectors.map(QueryEmbeddingCache::model);
    }

    List<Hit> keyword(KeywordQuery query, int depth) {
        return index.keyword(query, ResultOrder.RELEVANCE, 0, depth).hits();
    }

    List<Hit> semantic(String text, Filters filters, int depth) {
        return index.nearest(embed(text), filters, depth).hits();
    }

    List<FusedHit> hybrid(KeywordQuery query, String text, int depth) {
        return fusion.fuse(keyword(query, depth), semantic(text, query.filters(), depth));
    }

    float[] embed(String text) {
        return queryVectors.orElseThrow(() -> new IllegalStateException("no embedding model configured"))
                .embed(text);
    }

    Fusion fusion() {
        return fusion;
    }
}
