/**
 * The in-process Lucene implementation of {@link dailypapers.search.SearchIndex}: BM25 with field boosts, HNSW
 * over int7-quantised vectors, unified highlighter. Start with {@link dailypapers.search.lucene.LuceneSearchIndex}.
 */
package dailypapers.search.lucene;
