package dailypapers.web;

import java.util.Map;

/**
 * An account form as it is shown again: what was typed (passwords never: the templates leave them empty), a
 * message per field at fault, and one for the form as a whole.
 *
 * @param next    where a sign-in or sign-up leads afterwards, a same-site path
 * @param token   the emailed link's token a form posts back, or null
 * @param notice  what the last action did, or null
 * @param message why the form was refused as a whole, or null
 */
public record AccountFormView(PageFrame frame, Map<String, String> values, Map<String, String> errors, String next,
        String token, String notice, String message) {

    /**
     * The settings page's value that says whether the member shows their upvotes; only the page itself sets it, so
     * a form refused elsewhere on the page links to the profile settings instead.
     */
    public static final String SHOWS_UPVOTES = "showsUpvotes";

    public AccountFormView {
        values = Map.copyOf(values);
        errors = Map.copyOf(errors);
    }

    public boolean knowsShowsUpvotes() {
        return values.containsKey(SHOWS_UPVOTES);
    }

    public boolean showsUpvotes() {
        return Boolean.parseBoolean(values.get(SHOWS_UPVOTES));
    }

    static AccountFormView empty(String title, String next) {
        return new AccountFormView(PageFrame.plain(title + " — Daily Papers"), Map.of(), Map.of(), next, null, null,
                null);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** The ids of a field's hint and error, for {@code aria-describedby}; null when it has neither. */
    public String describedBy(String field, boolean hasHint) {
        String ids = ((hasHint ? "field-" + field + "-hint " : "") + (hasError(field) ? "field-" + field + "-error"
                : "")).strip();
        return ids.isEmpty() ? null : ids;
    }
}
