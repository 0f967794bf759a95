package dailypapers.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.javalin.router.EndpointMetadata;
import io.javalin.http.Header;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-site request forgery protection for every state-changing request (see {@link Visitor#csrfToken()}): the
 * token a form or {@code fetch} sends must equal the one expected for the visitor, and a browser that says the
 * request came from another site ({@code Sec-Fetch-Site}, else {@code Origin}) is refused whatever it sends.
 * Requests with a bearer credential are judged by it and never by a cookie ({@link Visitors}), so there is no
 * cookie a forger could ride on and they are not checked; any other {@code Authorization} (Basic, sent by a browser
 * to a site behind a password-protected proxy, even on another site's forms) leaves the check in place.
 */
final class Csrf {

    static final String FIELD = "csrf";
    static final String HEADER = "X-CSRF-Token";
    static final String COOKIE = "dailypapers_csrf";

    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    /**
     * A route's narrow exception to the rule, declared beside it in the route table ({@link #of}); every other
     * state-changing route needs the token.
     */
    enum Exemption implements EndpointMetadata {
        /**
         * An anonymous visitor's post needs only to come from this site, not the token: for the subscribe form in
         * every page's header, which would otherwise set a cookie on every page. A forged post can only ask for what
         * anyone may ask directly (a confirmation mail to an address); a signed-in member's post still needs the
         * token, since it can subscribe their own address without a mail.
         */
        ANONYMOUS_SAME_SITE,
        /**
         * No form token and no origin check: the signed token in the URL is the authority. For RFC 8058 one-click
         * unsubscribe, which mail providers post from their servers with no cookie and no token.
         */
        SIGNED_LINK
    }

    /** The matched route's exemption, or null. */
    static Exemption of(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null ? null : matched.metadata(Exemption.class);
    }

    /** Whether this request must carry a form token. */
    static boolean applies(Context ctx) {
        return !SAFE.contains(ctx.method()) && !Visitor.of(ctx).isBearer() && of(ctx) != Exemption.SIGNED_LINK;
    }

    /** Whether the request carries the visitor's token and did not come from another site. */
    static boolean isValid(Context ctx, Visitor visitor) {
        if (!isSameOrigin(ctx.header(Header.SEC_FETCH_SITE), ctx.header(Header.ORIGIN), ctx.host())) {
            return false;
        }
        if (of(ctx) == Exemption.ANONYMOUS_SAME_SITE && !visitor.isSignedIn()) {
            return true;
        }
        String expected = visitor.expectedCsrfToken();
        String given = ctx.header(HEADER);
        if (given == null) {
            given = ctx.formParam(FIELD);
        }
        return expected != null && given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** A member's token: a hash of their session token under a label, so it reveals nothing of the session. */
    static String forSession(String sessionToken) {
        return encode(AdminToken.sha256("csrf\n" + sessionToken));
    }

    static String anonymousCookie(Context ctx) {
        String value = ctx.cookie(COOKIE);
        return value == null || value.length() < 20 ? null : value;
    }

    static String anonymousToken(Context ctx) {
        String existing = anonymousCookie(ctx);
        if (existing != null) {
            return existing;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = encode(bytes);
        ctx.cookie(SessionCookies.cookie(ctx, COOKIE, token, -1));
        return token;
    }

    /**
     * Whether a form post comes from this site's own pages, against cross-site posting: by the browser's
     * {@code Sec-Fetch-Site} where it sends one, else by {@code Origin}; a client that sends neither is not a browser
     * another site can drive.
     */
    static boolean isSameOrigin(String secFetchSite, String origin, String host) {
        if (secFetchSite != null) {
            return secFetchSite.equals("same-origin") || secFetchSite.equals("none");
        }
        if (origin == null) {
            return true;
        }
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && host != null
                    && authority.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
