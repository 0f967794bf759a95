/**
 * Listings: Daily Papers by day, ISO week and month, trending ({@link dailypapers.feed.TrendingScore}, the only home
 * of the formula shown on /about), New by publication day, author and category pages. Start at
 * {@link dailypapers.feed.FeedService}.
 */
package dailypapers.feed;
