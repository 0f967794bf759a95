/**
 * arXiv: {@link dailypapers.ingest.arxiv.OaiHarvester} keeps sets in sync through OAI-PMH (formats arXivRaw and
 * arXiv, read by {@code OaiParser}); {@link dailypapers.ingest.arxiv.ArxivSet} maps configured sets and categories
 * to OAI sets and record filters.
 */
package dailypapers.ingest.arxiv;
