/**
 * The domain: {@link dailypapers.paper.Paper} metadata, canonical {@link dailypapers.paper.ArxivId}s, community data
 * ({@link dailypapers.paper.PaperEntry}, {@link dailypapers.paper.Featuring}), the
 * {@link dailypapers.paper.PaperStore} seam (its javadoc states the upvote rule), and
 * {@link dailypapers.paper.Transactions}, the transaction seam every feature writes through when several writes
 * must agree. Imports nothing else of ours.
 */
package dailypapers.paper;
