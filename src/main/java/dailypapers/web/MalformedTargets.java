package dailypapers.web;

import io.javalin.http.Context;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Request targets whose path cannot be decoded: {@code /api/papers/%zz}, {@code a%00b}, {@code %FF%FE}. Jetty refuses
 * some of them while it parses the request line, before any handler runs, and answers with its own page, where the
 * path is already lost. So the connection checks the path itself: a malformed one goes on with its {@code %} signs
 * taken literally (which Jetty can parse), marked on the connection for the request, and {@link #check} answers it
 * as every other client mistake is answered: JSON under {@code /api}, the styled page elsewhere, the usual headers.
 * No {@code UriCompliance} mode admits {@code %zz} or {@code %00} in a path (Jetty 12.1), and the raw target reaches
 * nothing public before it is parsed: the hook is {@code newHttpStream} of Jetty's internal {@code HttpConnection},
 * so MalformedRequestsIT checks it again on every Jetty upgrade.
 */
final class MalformedTargets {

    /** Connection attribute: why the current request's path cannot be decoded; absent when it can. */
    private static final String PROBLEM = MalformedTargets.class.getName() + ".problem";

    private MalformedTargets() {
    }

    /** The HTTP/1.1 connections of our connector. */
    static HttpConnectionFactory connectionFactory(HttpConfiguration configuration) {
        return new HttpConnectionFactory(configuration) {
            @Override
            public Connection newConnection(Connector connector, EndPoint endPoint) {
                HttpConnection connection = new CheckingConnection(getHttpConfiguration(), connector, endPoint);
                connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
                return configure(connection, connector, endPoint);
            }
        };
    }

    /** Before every request: one whose path cannot be decoded is a 400 that says why. */
    static void check(Context ctx) {
        Object problem = ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData()
                .getAttribute(PROBLEM);
        if (problem != null) {
            throw HttpError.malformedRequest("The address of this request cannot be read: its path has " + problem
                    + ".");
        }
    }

    /** The path with every {@code %} taken literally, so a decoder sees exactly the characters that were sent. */
    static String literal(String target) {
        int end = target.indexOf('?');
        String path = end < 0 ? target : target.substring(0, end);
        return path.replace("%", "%25") + (end < 0 ? "" : target.substring(end));
    }

    /** Requests on one connection come one after another, so the mark is the current request's. */
    private static final class CheckingConnection extends HttpConnection {

        CheckingConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
            super(configuration, connector, endPoint);
        }

        @Override
        protected HttpStreamOverHTTP1 newHttpStream(String method, String target, HttpVersion version) {
            Optional<String> problem = target == null ? Optional.empty() : StrictUrlDecoder.pathProblem(target);
            if (problem.isEmpty()) {
                removeAttribute(PROBLEM);
                return super.newHttpStream(method, target, version);
            }
            setAttribute(PROBLEM, problem.get());
            return super.newHttpStream(method, literal(target), version);
        }
    }
}
