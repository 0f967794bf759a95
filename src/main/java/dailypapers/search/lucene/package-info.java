/**
 * The in-process Lucene implementation of {@link dailypapers.search.SearchIndex}: BM25F over title and abstract
 * plus BM25 over authors and categories, HNSW over int7-quantised vectors, unified highlighter, and generations
 * rebuilt beside the live one ({@code IndexStorage}: folders on disk or memory). Start with
 * {@link dailypapers.search.lucene.LuceneSearchIndex}.
 */
package dailypapers.search.lucene;
