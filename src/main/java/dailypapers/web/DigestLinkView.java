package dailypapers.web;

/**
 * A page a digest link opens, or the answer to a form about one.
 *
 * @param kind    what the page offers
 * @param action  where its button posts (token in the query), or null
 * @param button  the button's label, or null
 * @param href    a link to follow instead, or null
 * @param linkText the link's text, or null
 * @param email      what was typed in the form that mails the preferences link (on an invalid link's page)
 * @param emailError why that address was refused, or null
 */
public record DigestLinkView(PageFrame frame, Kind kind, String heading, String text, String action, String button,
        String href, String linkText, String email, String emailError) {

    public enum Kind {
        /** A button that does what the link is for: GET only shows it, so a mail scanner changes nothing. */
        BUTTON,
        /** What happened, with a link onward. */
        NOTICE,
        /** An expired link of ours: a button mails a fresh one. */
        EXPIRED,
        /** Not a link of ours: the subscribe form and a form that mails the preferences link. */
        INVALID
    }

    public boolean is(Kind candidate) {
        return kind == candidate;
    }
}
