package dailypapers.eval;

import dailypapers.embedding.Encoder;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Measures the product's own search (the Lucene index and the {@link Ranker} behind every search page and API
 * call: query syntax, exact-title pins, mode, fusion and its depth) on a BEIR collection: the collection goes
 * into a fresh in-memory index, embedded with the same text ({@link EmbeddingText}) and model as papers, then every
 * query runs in each mode as a first page of {@link Evaluation#RECALL_DEPTH} results. Results are scored by their
 * position, so the evaluation ranks them exactly as people see them; a query search refuses (longer than
 * {@link dailypapers.search.UserQuery#MAX_LENGTH}) finds nothing, as it would for a person.
 */
public final class SearchEvaluation {

    private static final int INDEX_BATCH = 500;

    private SearchEvaluation() {
    }

    /**
     * Scores each mode; semantic and hybrid need an encoder. {@code embedded} hears how many documents have been
     * embedded so far.
     */
    public static Map<SearchMode, EvaluationResult> evaluate(BeirDataset dataset, Optional<Encoder> encoder,
            List<SearchMode> modes, IntConsumer embedded) {
        if (encoder.isEmpty() && modes.stream().anyMatch(m -> m != SearchMode.KEYWORD)) {
            throw new IllegalArgumentException("semantic and hybrid evaluation need an embedding model");
        }
        Map<SearchMode, EvaluationResult> results = new LinkedHashMap<>();
        try (LuceneSearchIndex index = LuceneSearchIndex.inMemory()) {
            try (SearchIndex.Rebuild build = index.rebuild()) {
                List<SearchDocument> batch = new ArrayList<>(INDEX_BATCH);
                int done = 0;
                for (BeirDocument document : dataset.corpus()) {
                    float[] vector = encoder.map(e -> e.encodePassages(
                            List.of(EmbeddingText.of(document.title(), document.text()))).getFirst()).orElse(null);
                    batch.add(SearchDocument.text(document.id(), document.title(), document.text(), vector));
                    if (batch.size() == INDEX_BATCH) {
                        build.add(batch);
                        batch.clear();
                    }
                    embedded.accept(++done);
                }
                build.add(batch);
                build.swap();
            }
            Ranker ranker = Ranker.over(index, encoder, QueryEmbeddingCache.DEFAULT_CAPACITY);
            for (SearchMode mode : modes) {
                results.put(mode, Evaluation.evaluate(dataset, (query, k) -> search(ranker, query, mode, k)));
            }
        }
        return results;
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
