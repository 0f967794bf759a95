package dailypapers.ingest;

/** A record that cannot be imported, with the field at fault (or null) and the reason in words. */
public final class RejectedRecord extends Exception {

    private final String field;

    public RejectedRecord(String field, String reason) {
        super(field == null ? reason : "field '" + field + "': " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
