/**
 * Search: keyword (BM25), semantic (dense vectors) and hybrid (rank fusion) retrieval over papers.
 *
 * <p>Start with {@link dailypapers.search.SearchService}: it parses the query syntax ({@link
 * dailypapers.search.UserQuery}), puts exact id and title matches first, picks the mode and falls back to keywords
 * when vectors or the model are missing. Engines sit behind the engine-neutral {@link
 * dailypapers.search.SearchIndex} (Lucene in {@code dailypapers.search.lucene}). The database stays the source of
 * truth: {@link dailypapers.search.SearchIndexer} derives the index from {@link dailypapers.search.SearchStore} and
 * {@link dailypapers.search.VectorStore}, and {@link dailypapers.search.EmbeddingJob} fills the vectors;
 * {@link dailypapers.search.SearchMonitor} reports how far both have come.
 * {@link dailypapers.search.Retriever} ranks plain text in each mode, for evaluations.
 */
package dailypapers.search;
