package dailypapers.web;

/**
 * The page an emailed link opens: a button that posts the token, so that a mail scanner following the link uses
 * nothing.
 *
 * @param usable whether the link is unused and unexpired; the button shows only then
 * @param retry  what to do instead when it is not
 */
public record LinkConfirmView(PageFrame frame, String heading, String text, String button, String action,
        String token, boolean usable, String retry) {
}
