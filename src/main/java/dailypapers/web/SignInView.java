package dailypapers.web;

/**
 * The admin sign-in page.
 *
 * @param hasToken whether an admin token is configured; without one there is nothing to type
 * @param next     the admin page to return to
 * @param error    why the last attempt failed, or null
 */
public record SignInView(PageFrame frame, boolean hasToken, String next, String error) {
}
