/**
 * Search: keyword (BM25), semantic (dense vectors) and hybrid (rank fusion) retrieval over papers.
 *
 * <p>Start with {@link dailypapers.search.SearchService}: it pages the ranking of {@link
 * dailypapers.search.Ranker}, which parses the query syntax ({@link dailypapers.search.UserQuery}), puts exact id
 * and title matches first, picks the mode, falls back to keywords when vectors or the model are missing and fuses
 * the rankings; evaluations run the same {@code Ranker}. A query search refuses is an {@link
 * dailypapers.search.InvalidQueryException}. Engines sit behind the engine-neutral {@link
 * dailypapers.search.SearchIndex} (Lucene in {@code dailypapers.search.lucene}), chosen from the settings by
 * {@code dailypapers.search.engine}. The database stays the source of truth: {@link
 * dailypapers.search.SearchIndexer} derives the index from {@link dailypapers.search.SearchStore} and {@link
 * dailypapers.search.VectorStore}, rebuilding beside the live generation and keeping its checkpoint in {@link
 * dailypapers.search.SyncCheckpointStore}; {@link dailypapers.search.EmbeddingJob} fills the vectors; {@link
 * dailypapers.search.SearchMonitor} reports how far both have come. {@link dailypapers.search.SimilarPapers}
 * computes each paper's similar papers once and keeps them in {@link dailypapers.search.SimilarStore}, refreshed by
 * {@link dailypapers.search.SimilarJob}.
 */
package dailypapers.search;
