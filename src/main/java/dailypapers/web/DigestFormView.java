package dailypapers.web;

import java.util.List;
import java.util.Map;

/**
 * The subscribe form or a subscriber's preferences form, as shown (again): what was typed, a message per field at
 * fault and one for the form as a whole.
 *
 * @param offersLibrary    whether "more like my library" is offered: to a member, or a subscription made by one
 * @param action           where the form posts, token included for the preferences form
 * @param unsubscribeAction the preferences page's unsubscribe button's target, or null
 * @param status           what the preferences page says of the subscription (confirmed, pending...), or null
 * @param message          why the form was refused as a whole, or null
 */
public record DigestFormView(PageFrame frame, DigestForm form, Map<String, String> errors, boolean offersLibrary,
        String action, String unsubscribeAction, String status, String message) {

    public DigestFormView {
        errors = Map.copyOf(errors);
    }

    public String value(String field) {
        return form.value(field);
    }

    public boolean isChecked(String field) {
        return form.isChecked(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** The id of a field's error, for {@code aria-describedby}; null without one. */
    public String describedBy(String field) {
        return hasError(field) ? "field-" + field + "-error" : null;
    }

    public List<String> zones() {
        return DigestForm.ZONES;
    }
}
