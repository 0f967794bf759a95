/**
 * The domain: {@link dailypapers.paper.Paper} metadata, canonical {@link dailypapers.paper.ArxivId}s, community data
 * ({@link dailypapers.paper.PaperEntry}, {@link dailypapers.paper.Featuring}) and the {@link dailypapers.paper.PaperStore}
 * seam. Imports nothing else of ours.
 */
package dailypapers.paper;
