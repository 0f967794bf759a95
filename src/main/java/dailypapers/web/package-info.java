/**
 * HTTP: {@link dailypapers.web.Web} holds the one route table and error mapper; HTML pages ({@code FeedPages},
 * {@code PaperPages}, jte templates in src/main/jte), the Hugging Face-shaped JSON API ({@code PaperApi}), Atom feeds
 * ({@code AtomFeeds}), the harvest and search status pages and their JSON ({@code StatusPages}) and the operations
 * endpoints. Handlers parse input and call services; nothing more.
 */
package dailypapers.web;
