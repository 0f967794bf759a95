package dailypapers.web;

/**
 * A client-facing error with an HTTP status and a code that logs and metrics count by kind. Handlers throw it;
 * {@link Web} renders it as JSON under /api and as an HTML page elsewhere.
 */
public final class HttpError extends RuntimeException {

    /** What went wrong, by kind. */
    public enum Code {
        BAD_PARAMETER(400), NOT_FOUND(404), INTERNAL(500);

        final int status;

        Code(int status) {
            this.status = status;
        }
    }

    private final Code code;
    private final String parameter;

    private HttpError(Code code, String parameter, String message) {
        super(message);
        this.code = code;
        this.parameter = parameter;
    }

    public static HttpError badParameter(String parameter, String reason) {
        return new HttpError(Code.BAD_PARAMETER, parameter, "invalid parameter '" + parameter + "': " + reason);
    }

    public static HttpError notFound(String what) {
        return new HttpError(Code.NOT_FOUND, null, what);
    }

    public Code code() {
        return code;
    }

    public int status() {
        return code.status;
    }

    /** The request parameter at fault, or null. */
    public String parameter() {
        return parameter;
    }
}
