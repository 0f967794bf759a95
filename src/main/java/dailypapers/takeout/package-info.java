/**
 * A member's own data, whole, for them to take away: their account, tokens, upvotes, comments, library,
 * digest subscription, submissions and authorship claims as one document ({@link dailypapers.takeout.Takeout}),
 * assembled by {@link dailypapers.takeout.TakeoutService} from each feature's service. Secrets (the password hash,
 * session, link and token secrets) are never read, so they cannot leak into it. The pages are in {@code web}
 * ({@code DataExports}); the export of all papers, for operators, is {@code ingest.PaperExporter}.
 */
package dailypapers.takeout;
