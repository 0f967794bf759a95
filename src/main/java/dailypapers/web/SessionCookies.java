package dailypapers.web;

import dailypapers.account.Session;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Duration;

/**
 * The member's session cookie: the session's token and nothing else, {@code HttpOnly} (no script reads it),
 * {@code SameSite=Lax} (another site's forms and scripts do not send it; a link from another site does, so a
 * member who follows one arrives signed in) and {@code Secure} when the request came over TLS.
 */
public final class SessionCookies {

    public static final String NAME = "dailypapers_session";

    private SessionCookies() {
    }

    /** Signs this browser in with {@code session}, until it expires. */
    public static void set(Context ctx, Session session, Clock clock) {
        long seconds = Math.max(0, Duration.between(clock.instant(), session.expiresAt()).toSeconds());
        ctx.cookie(cookie(ctx, NAME, session.token(), (int) Math.min(seconds, Integer.MAX_VALUE)));
    }

    /** Removes the session cookie from this browser. */
    public static void clear(Context ctx) {
        ctx.cookie(cookie(ctx, NAME, "", 0));
    }

    /** A cookie of ours: path /, HttpOnly, SameSite=Lax, Secure over TLS; a negative age lasts the browser session. */
    static Cookie cookie(Context ctx, String name, String value, int maxAgeSeconds) {
        return new Cookie(name, value, "/", maxAgeSeconds, RequestOrigin.of(ctx).isHttps(), true, null, SameSite.LAX);
    }
}
