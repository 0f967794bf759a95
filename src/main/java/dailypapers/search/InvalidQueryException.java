package dailypapers.search;

/**
 * A query that cannot be run as typed: the client's mistake, never the engine's. The web layer answers it with a
 * 400 naming the {@code q} parameter; every other exception out of search is a fault of ours.
 */
public final class InvalidQueryException extends RuntimeException {

    /** Why a query was refused, so logs and metrics can count refusals by kind. */
    public enum Reason {
        /** Longer than {@link UserQuery#MAX_LENGTH} characters. */
        TOO_LONG,
        /** More words or clauses than the engine runs in one query. */
        TOO_COMPLEX
    }

    private final Reason reason;

    public InvalidQueryException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InvalidQueryException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
