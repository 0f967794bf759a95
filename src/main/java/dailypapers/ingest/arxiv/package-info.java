/**
 * arXiv: {@link dailypapers.ingest.arxiv.OaiHarvester} keeps sets in sync through OAI-PMH (formats arXivRaw and
 * arXiv, read by {@code OaiParser}); {@link dailypapers.ingest.arxiv.ArxivSet} maps configured sets and categories
 * to OAI sets and record filters; {@link dailypapers.ingest.arxiv.ArxivApi} looks up single ids and small queries in
 * the Atom API (both the pre-2025 and the current layout, read by {@code AtomParser}).
 */
package dailypapers.ingest.arxiv;
