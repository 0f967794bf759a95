package dailypapers.eval;

import dailypapers.embedding.Encoder;
import dailypapers.eval.Evaluation.QueryScore;
import dailypapers.search.EmbeddingText;
import dailypapers.search.InvalidQueryException;
import dailypapers.search.QueryEmbeddingCache;
import dailypapers.search.Ranker;
import dailypapers.search.Ranker.RankedHit;
import dailypapers.search.Ranker.Ranking;
import dailypapers.search.ResultOrder;
import dailypapers.search.SearchDocument;
import dailypapers.search.SearchIndex;
import dailypapers.search.SearchMode;
import dailypapers.search.SearchRequest;
import dailypapers.search.lucene.LuceneSearchIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures the product's own search (the index, in-memory Lucene unless given another, and the {@link Ranker}
 * behind every search page and API call: query syntax, exact-title pins, mode, fusion and its depth) on a BEIR
 * collection: the collection goes into a fresh index, embedded with the same text ({@link EmbeddingText}) and model
 * as papers, then every query runs as a first page of {@link Evaluation#RECALL_DEPTH} results. Results are scored
 * by their position, so the evaluation ranks them exactly as people see them; a query search refuses (longer than
 * {@link dailypapers.search.UserQuery#MAX_LENGTH}) finds nothing, as it would for a person. One indexed collection
 * answers any number of modes and {@link Ranker.Tuning tunings}, which is what cross-validation needs.
 */
public final class SearchEvaluation implements AutoCloseable {

    private static final int INDEX_BATCH = 500;

    private final BeirDataset dataset;
    private final SearchIndex index;
    private final Optional<QueryEmbeddingCache> queryVectors;
    private final int threads;

    private SearchEvaluation(BeirDataset dataset, SearchIndex index, Optional<Encoder> encoder, int threads) {
        this.dataset = dataset;
        this.index = index;
        // Every query's vector stays cached, so trying another tuning costs no model call.
        this.queryVectors = encoder.map(e -> new QueryEmbeddingCache(e, Math.max(1, dataset.queries().size())));
        this.threads = threads;
    }

    /**
     * Indexes the collection; with an encoder, with the documents' vectors from {@code vectors} (embedding what it
     * lacks on {@code threads} threads). Queries later run on as many threads.
     */
    public static SearchEvaluation open(BeirDataset dataset, Optional<Encoder> encoder, Optional<VectorCache> vectors,
            int threads, VectorCache.Progress embedded) throws IOException {
        return open(LuceneSearchIndex.inMemory(), dataset, encoder, vectors, threads, embedded);
    }

    /** As {@link #open(BeirDataset, Optional, Optional, int, VectorCache.Progress)}, into {@code index}, which it closes. */
    public static SearchEvaluation open(SearchIndex index, BeirDataset dataset, Optional<Encoder> encoder,
            Optional<VectorCache> vectors, int threads, VectorCache.Progress embedded) throws IOException {
        if (encoder.isPresent() != vectors.isPresent()) {
            throw new IllegalArgumentException("an encoder needs a vector cache, and only an encoder does");
        }
        List<String> texts = dataset.corpus().stream().map(d -> EmbeddingText.of(d.title(), d.text())).toList();
        List<float[]> documentVectors;
        try {
            documentVectors = encoder.isEmpty() ? null
                    : vectors.get().vectors(encoder.get(), texts, threads, embedded);
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
        return build(dataset, encoder, documentVectors, index, threads);
    }

    /** The collection indexed for keyword search alone, its words scored with {@code bm25}. */
    public static SearchEvaluation keywordOnly(BeirDataset dataset, LuceneSearchIndex.Bm25 bm25, int threads) {
        return build(dataset, Optional.empty(), null, LuceneSearchIndex.inMemory(bm25), threads);
    }

    private static SearchEvaluation build(BeirDataset dataset, Optional<Encoder> encoder, List<float[]> vectors,
            SearchIndex index, int threads) {
        try (SearchIndex.Rebuild build = index.rebuild()) {
            List<SearchDocument> batch = new ArrayList<>(INDEX_BATCH);
            for (int i = 0; i < dataset.corpus().size(); i++) {
                BeirDocument document = dataset.corpus().get(i);
                batch.add(new SearchDocument(document.id(), document.title(), document.text(), document.authors(),
                        document.categories(), null, 0, false, vectors == null ? null : vectors.get(i), null));
                if (batch.size() == INDEX_BATCH) {
                    build.add(batch);
                    batch.clear();
                }
            }
            build.add(batch);
            build.swap();
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
        return new SearchEvaluation(dataset, index, encoder, threads);
    }

    public BeirDataset dataset() {
        return dataset;
    }

    /** Each judged query's metrics in {@code mode}, ranked with {@code tuning}. */
    public Map<String, QueryScore> scores(SearchMode mode, Ranker.Tuning tuning) {
        if (mode.needsVectors() && queryVectors.isEmpty()) {
            throw new IllegalArgumentException("semantic and hybrid evaluation need an embedding model");
        }
        Ranker ranker = new Ranker(index, queryVectors, tuning);
        return Evaluation.perQuery(dataset, (query, k) -> search(ranker, query, mode, k), threads);
    }

    public EvaluationResult evaluate(SearchMode mode, Ranker.Tuning tuning) {
        return Evaluation.mean(scores(mode, tuning).values());
    }

    @Override
    public void close() {
        index.close();
    }

    /** The first page of {@code k} results for {@code query}, scored {@code k, k - 1, …} in the order shown. */
    static List<ScoredDocument> search(Ranker ranker, String query, SearchMode mode, int k) {
        Ranking ranking;
        try {
            ranking = ranker.rank(new SearchRequest(query, Optional.of(mode), ResultOrder.RELEVANCE, 0, k));
        } catch (InvalidQueryException e) {
            return List.of();
        }
        if (ranking.mode() != mode && !ranking.query().plainText().isBlank()) {
            throw new IllegalStateException(mode.key() + " search ran as " + ranking.mode().key() + ": "
                    + ranking.notices());
        }
        List<RankedHit> hits = ranking.hits().subList(0, Math.min(k, ranking.hits().size()));
        List<ScoredDocument> scored = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            scored.add(new ScoredDocument(hits.get(i).id(), k - i));
        }
        return scored;
    }
}
