package dailypapers.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Header;
import io.javalin.http.SameSite;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who is an admin until accounts exist. With an {@code admin.token}: a request that sends it as
 * {@code Authorization: Bearer <token>}, or that carries the session cookie the sign-in form sets. Without one: a
 * request from this machine (a loopback address, not relayed by a proxy).
 *
 * <p>The session cookie holds an expiry and an HMAC of it and the token under a key derived from the token, never the
 * token itself. So nothing is stored per session and nothing needs cleaning up, every app node configured with the
 * same token accepts the cookie any of them set (a load balancer may send the next request anywhere), and changing
 * the token signs everyone out. Members' sessions, admins' included, live in the database.
 */
final class AdminAccess {

    static final String COOKIE = "dailypapers_admin";
    static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    static final String LOOPBACK_ONLY = "No admin token is configured, so the admin pages answer only requests from"
            + " this machine. Set admin.token (environment DAILYPAPERS_ADMIN_TOKEN) to open them elsewhere.";

    private static final String HMAC = "HmacSHA256";
    /** Headers a reverse proxy adds for its client; any of them means the request did not start on this machine. */
    private static final List<String> RELAY_HEADERS = List.of(Header.FORWARDED, Header.X_FORWARDED_FOR, "X-Real-IP",
            "X-Forwarded-Host", "X-Forwarded-Proto");
    private static final String BEARER = "Bearer ";
    /** A literal IPv4 or IPv6 address, so that parsing it never asks DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.%]+");

    private final Optional<AdminToken> token;
    private final Clock clock;
    private final SecretKeySpec sessionKey;

    AdminAccess(Optional<AdminToken> token, Clock clock) {
        this.token = token;
        this.clock = clock;
        this.sessionKey = new SecretKeySpec(AdminToken.sha256("admin-session\n"
                + token.map(AdminToken::value).orElse("")), HMAC);
    }

    boolean hasToken() {
        return token.isPresent();
    }

    boolean isAdmin(Context ctx) {
        if (token.isEmpty()) {
            return isFromThisMachine(ctx.req().getRemoteAddr(), isRelayed(ctx));
        }
        return bearer(ctx).map(token.get()::matches).orElse(false) || isValidSession(ctx.cookie(COOKIE));
    }

    /** True when {@code candidate} is the configured token; false when there is none. */
    boolean isToken(String candidate) {
        return token.map(t -> t.matches(candidate)).orElse(false);
    }

    /**
     * The cookie that signs this browser in: HttpOnly, SameSite=Strict, Path=/, and Secure when the request came
     * over https (directly or through a trusted proxy that says so).
     */
    Cookie sessionCookie(Context ctx) {
        return new Cookie(COOKIE, newSession(), "/", (int) SESSION_LIFETIME.toSeconds(),
                RequestOrigin.of(ctx).isHttps(), true, null, SameSite.STRICT);
    }

    /** A session cookie's value: when it expires, and the HMAC that proves this process issued it. */
    String newSession() {
        long expires = clock.instant().plus(SESSION_LIFETIME).getEpochSecond();
        return expires + "." + mac(expires);
    }

    boolean isValidSession(String cookie) {
        if (cookie == null || token.isEmpty()) {
            return false;
        }
        int dot = cookie.indexOf('.');
        long expires;
        try {
            expires = Long.parseLong(cookie.substring(0, Math.max(dot, 0)));
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] given = cookie.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, mac(expires).getBytes(StandardCharsets.US_ASCII))
                && clock.instant().isBefore(Instant.ofEpochSecond(expires));
    }

    /**
     * Whether a request comes from this machine: from a loopback address (127.0.0.0/8, ::1) and not relayed. A
     * reverse proxy on the same machine connects from loopback for everyone, so a request that names an original
     * client ({@code Forwarded}, {@code X-Forwarded-For}, {@code X-Real-IP}, …) does not count.
     */
    static boolean isFromThisMachine(String remoteAddress, boolean relayed) {
        if (relayed || remoteAddress == null || !IP_LITERAL.matcher(remoteAddress).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isRelayed(Context ctx) {
        return RELAY_HEADERS.stream().anyMatch(name -> ctx.header(name) != null);
    }

    private static Optional<String> bearer(Context ctx) {
        String authorization = ctx.header(Header.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(BEARER.length()).strip());
    }

    private String mac(long expires) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(sessionKey);
            mac.update((expires + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] digest = mac.doFinal(token.orElseThrow().value().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has " + HMAC, e);
        }
    }
}
