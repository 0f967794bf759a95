package dailypapers.web;

import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.List;

/**
 * Where a request came from: the client's address and whether it reached us over TLS. A peer that is a trusted
 * proxy ({@link TrustedProxies}) is believed about both through {@code X-Forwarded-For} and {@code
 * X-Forwarded-Proto}; anyone else is the client, and its connection tells the scheme.
 *
 * @param clientIp the client's address as text: for rate limits and logs
 * @param isHttps  whether the client's connection is TLS: cookies are then {@code Secure} and HSTS is sent
 */
public record RequestOrigin(String clientIp, boolean isHttps) {

    private static final String ATTRIBUTE = RequestOrigin.class.getName();

    /** The origin of this request, worked out once per request by the server. */
    public static RequestOrigin of(Context ctx) {
        RequestOrigin origin = ctx.attribute(ATTRIBUTE);
        if (origin == null) {
            throw new IllegalStateException("the request origin is resolved before any handler runs");
        }
        return origin;
    }

    /** The client's address, for rate limits keyed by address. */
    public static String clientIp(Context ctx) {
        return of(ctx).clientIp();
    }

    static void resolve(Context ctx, TrustedProxies proxies) {
        ctx.attribute(ATTRIBUTE, from(ctx.req().getRemoteAddr(), "https".equals(ctx.scheme()),
                ctx.header(Header.X_FORWARDED_FOR), ctx.header(Header.X_FORWARDED_PROTO), proxies));
    }

    /**
     * The origin given the peer and the forwarding headers. The client is the rightmost address in {@code
     * X-Forwarded-For} that is not a trusted proxy: each proxy appends the address it saw, so addresses left of the
     * first untrusted one could have been written by the client itself.
     */
    static RequestOrigin from(String peer, boolean peerTls, String forwardedFor, String forwardedProto,
            TrustedProxies proxies) {
        if (!proxies.isTrusted(peer)) {
            return new RequestOrigin(peer, peerTls);
        }
        String client = peer;
        if (forwardedFor != null) {
            List<String> hops = List.of(forwardedFor.split(","));
            for (int i = hops.size() - 1; i >= 0; i--) {
                String hop = hops.get(i).strip();
                if (TrustedProxies.address(hop).isEmpty()) {
                    break;
                }
                client = hop;
                if (!proxies.isTrusted(hop)) {
                    break;
                }
            }
        }
        boolean https = forwardedProto == null ? peerTls
                : "https".equalsIgnoreCase(forwardedProto.split(",")[0].strip());
        return new RequestOrigin(client, https);
    }
}
