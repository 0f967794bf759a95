package dailypapers.eval;

import dailypapers.embedding.Encoder;
import dailypapers.search.EmbeddingText;
import dailypapers.search.SearchDocument;
import dailypapers.search.SearchMode;
import dailypapers.search.lucene.LuceneSearchIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Measures the product's own retrieval (the Lucene index and {@link dailypapers.search.Retriever} that search
 * uses) on a BEIR collection: the collection goes into a fresh in-memory index, embedded with the same text
 * ({@link EmbeddingText}) and model as papers, then every query runs in each mode.
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
            List<SearchDocument> batch = new ArrayList<>(INDEX_BATCH);
            int done = 0;
            for (BeirDocument document : dataset.corpus()) {
                float[] vector = encoder.map(e -> e.encodePassages(
                        List.of(EmbeddingText.of(document.title(), document.text()))).getFirst()).orElse(null);
                batch.add(SearchDocument.text(document.id(), document.title(), document.text(), vector));
                if (batch.size() == INDEX_BATCH) {
                    index.add(batch);
                    batch.clear();
                }
                embedded.accept(++done);
            }
            index.add(batch);
            index.refresh();
            dailypapers.search.Retriever retriever = dailypapers.search.Retriever.over(index, encoder.orElse(null));
            for (SearchMode mode : modes) {
                results.put(mode, Evaluation.evaluate(dataset, (query, k) -> retriever.rank(query, mode, k).stream()
                        .map(hit -> new ScoredDocument(hit.id(), hit.score())).toList()));
            }
        }
        return results;
    }
}
