package dailypapers.ingest;

/** A harvest run that could not go on, with a code that logs, metrics and the status page count by kind. */
public final class HarvestException extends Exception {

    /** What went wrong, by kind. */
    public enum Code {
        /** Connection refused or reset, DNS failure: after every retry. */
        NETWORK,
        /** No answer within the connect or read timeout, after every retry. */
        TIMEOUT,
        /** The upstream answered 5xx (or 429) after every retry. */
        SERVER_ERROR,
        /** The upstream refused the request (4xx): retrying would not help. */
        CLIENT_ERROR,
        /** The body was larger than the caller accepts (a PDF over its size cap); retrying would not help. */
        TOO_LARGE,
        /** The body was truncated or not the XML/JSON it should be, after every retry. */
        MALFORMED_RESPONSE,
        /** An OAI-PMH error other than noRecordsMatch, or badResumptionToken twice in one run. */
        OAI_ERROR,
        /** The source failed too often lately; the circuit breaker holds requests back for a while. */
        CIRCUIT_OPEN,
        /**
         * A request with a deadline (a member's lookup) would have to wait past it: the host's queue of requests
         * or its Retry-After reaches beyond the deadline. Harvests, which have no deadline, never see it.
         */
        BUSY,
        /** The run was interrupted (shutdown). */
        INTERRUPTED,
        /** Anything else, such as the database failing; the message says what. */
        INTERNAL
    }

    private final Code code;

    public HarvestException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public HarvestException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
