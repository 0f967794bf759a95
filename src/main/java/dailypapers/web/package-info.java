/**
 * HTTP: {@link dailypapers.web.Web} holds the one route table (each route with its {@link dailypapers.web.Role} and
 * what it answers), the access check before every matched request and the error mapper for
 * {@link dailypapers.web.HttpError}; {@code AdminAccess} and {@code SignInPages} decide who is an admin until
 * accounts exist. HTML pages ({@code FeedPages}, {@code PaperPages}, jte templates in src/main/jte), the Hugging
 * Face-shaped JSON API ({@code PaperApi}), Atom feeds ({@code AtomFeeds}), the harvest and search status pages and
 * their JSON ({@code StatusPages}) and the operations endpoints. Handlers parse input and call services; nothing more.
 */
package dailypapers.web;
