package dailypapers.digest;

/** A subscribe request that cannot be taken as sent; the message says what to change, next to {@link #field()}. */
public final class SubscriptionException extends RuntimeException {

    /** The part of the form the message concerns. */
    public enum Field {
        EMAIL,
        TOPICS
    }

    private final Field field;

    public SubscriptionException(Field field, String message) {
        super(message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
