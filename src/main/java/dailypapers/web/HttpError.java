package dailypapers.web;

import io.javalin.http.HttpResponseException;
import java.util.Map;

/**
 * A client-facing error: Javalin's own HTTP response exception with a code that logs and metrics count by kind.
 * Handlers and the access check throw it; {@link Web} renders it as an HTML page or a JSON body, as the route
 * answers.
 */
public final class HttpError extends HttpResponseException {

    /** What went wrong, by kind. */
    public enum Code {
        BAD_PARAMETER(400), MALFORMED_REQUEST(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404),
        CONFLICT(409);

        final int status;

        Code(int status) {
            this.status = status;
        }
    }

    private final Code code;
    private final String parameter;

    private HttpError(Code code, String parameter, String message) {
        super(code.status, message, Map.of());
        this.code = code;
        this.parameter = parameter;
    }

    public static HttpError badParameter(String parameter, String reason) {
        return new HttpError(Code.BAD_PARAMETER, parameter, "invalid parameter '" + parameter + "': " + reason);
    }

    /** The request itself cannot be read (its address is broken), before any parameter is looked at. */
    public static HttpError malformedRequest(String why) {
        return new HttpError(Code.MALFORMED_REQUEST, null, why);
    }

    public static HttpError notFound(String what) {
        return new HttpError(Code.NOT_FOUND, null, what);
    }

    /** Credentials are missing or wrong; the client may try again with others. */
    public static HttpError unauthorized(String why) {
        return new HttpError(Code.UNAUTHORIZED, null, why);
    }

    /** No credentials would help from where the request comes. */
    public static HttpError forbidden(String why) {
        return new HttpError(Code.FORBIDDEN, null, why);
    }

    /** The request is sound but the state of what it names does not allow it (decided, hidden already). */
    public static HttpError conflict(String why) {
        return new HttpError(Code.CONFLICT, null, why);
    }

    public Code code() {
        return code;
    }

    /** The request parameter at fault, or null. */
    public String parameter() {
        return parameter;
    }
}
