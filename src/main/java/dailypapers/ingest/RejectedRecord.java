package dailypapers.ingest;

/**
 * A record that cannot be imported, with the field at fault (or null) and the reason in words. The message, which
 * may echo upstream input and goes to logs and terminals, is cleaned like any upstream text.
 */
public final class RejectedRecord extends Exception {

    private final String field;

    public RejectedRecord(String field, String reason) {
        super(TextFields.clean(field == null ? reason : "field '" + field + "': " + reason));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
