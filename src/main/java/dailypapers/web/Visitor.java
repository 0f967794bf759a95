package dailypapers.web;

import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.token.TokenScope;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who made a request: a signed-in member (by the session cookie) or an anonymous visitor. Resolved once per
 * request before any handler ({@link Visitors}); handlers and templates ask {@link #of(Context)}.
 *
 * <p>The form token ({@link #csrfToken()}) that every form posts back: for a member it is derived from the session
 * token, which only this browser holds (the cookie is HttpOnly), so another site can neither read nor compute it;
 * for an anonymous visitor it is a random value also set as a cookie, and a post must carry both alike.
 *
 * <p>A program may instead send a member's personal access token ({@code Authorization: Bearer dp_…}); then the
 * visitor is that member with the token's scope, and no cookie is read.
 */
public final class Visitor {

    private static final String ATTRIBUTE = Visitor.class.getName();

    private final Optional<Member> member;
    private final String sessionToken;
    private final Context ctx;
    /** Null unless a personal access token named the member. */
    private final TokenScope tokenScope;
    /** Whether the request came with a bearer credential, so that no cookie was read. */
    private final boolean bearer;
    private String csrfToken;

    Visitor(Optional<Member> member, String sessionToken, Context ctx) {
        this(member, sessionToken, ctx, null, false);
    }

    private Visitor(Optional<Member> member, String sessionToken, Context ctx, TokenScope tokenScope,
            boolean bearer) {
        this.member = member;
        this.sessionToken = sessionToken;
        this.ctx = ctx;
        this.tokenScope = tokenScope;
        this.bearer = bearer;
    }

    /** The member a personal access token speaks for, with the token's scope. */
    static Visitor byToken(Member member, TokenScope scope, Context ctx) {
        return new Visitor(Optional.of(member), null, ctx, scope, true);
    }

    /** Nobody, for a request whose bearer credential is not a member's token (the admin token, say). */
    static Visitor otherBearer(Context ctx) {
        return new Visitor(Optional.empty(), null, ctx, null, true);
    }

    /** This request's visitor; anonymous for a request that was not resolved (a static file, say). */
    public static Visitor of(Context ctx) {
        Visitor visitor = ctx.attribute(ATTRIBUTE);
        return visitor == null ? new Visitor(Optional.empty(), null, ctx) : visitor;
    }

    static void set(Context ctx, Visitor visitor) {
        ctx.attribute(ATTRIBUTE, visitor);
    }

    /** The signed-in member; empty for an anonymous visitor. */
    public Optional<Member> member() {
        return member;
    }

    /** The signed-in member; for handlers of routes whose role already requires one. */
    public Member requireMember() {
        return member.orElseThrow(() -> new IllegalStateException("the route's role requires a member"));
    }

    /**
     * Whether this visitor may do what needs {@code scope}: a member signed in by session may do anything their
     * role allows; a token only what its scope allows.
     */
    public boolean allows(TokenScope scope) {
        return isSignedIn() && (tokenScope == null || tokenScope.allows(scope));
    }

    /** The path and query of this request, for a form or sign-in link that comes back to this page. */
    public String currentPath() {
        String query = ctx.queryString();
        return ctx.path() + (query == null ? "" : "?" + query);
    }

    public boolean isSignedIn() {
        return member.isPresent();
    }

    /** A moderator or an admin. */
    public boolean isModerator() {
        return member.map(m -> m.role() == Role.MODERATOR || m.role() == Role.ADMIN).orElse(false);
    }

    public boolean isAdmin() {
        return member.map(m -> m.role() == Role.ADMIN).orElse(false);
    }

    /** The member's handle, for links to their profile; empty for an anonymous visitor. */
    public String handle() {
        return member.map(m -> m.handle().value()).orElse("");
    }

    public String displayName() {
        return member.map(m -> m.displayName().value()).orElse("");
    }

    /**
     * The token this visitor's forms must post back (field {@code csrf}, or header {@code X-CSRF-Token} for
     * {@code fetch}). For an anonymous visitor without one yet, a new one is drawn and set as a cookie on this
     * response.
     */
    public String csrfToken() {
        if (csrfToken == null) {
            csrfToken = sessionToken != null ? Csrf.forSession(sessionToken) : Csrf.anonymousToken(ctx);
        }
        return csrfToken;
    }

    /** The form token of a member signed in with this session token: for clients that drive the site as a browser. */
    public static String csrfTokenFor(String sessionToken) {
        return Csrf.forSession(sessionToken);
    }

    /** The token a post from this visitor must carry, without drawing one; null when none can be valid. */
    String expectedCsrfToken() {
        return sessionToken != null ? Csrf.forSession(sessionToken) : Csrf.anonymousCookie(ctx);
    }

    /** Whether the request came with a bearer credential: no cookie was read, so no form token is needed. */
    boolean isBearer() {
        return bearer;
    }

    /** The session token, for signing out; null for an anonymous visitor. */
    String sessionToken() {
        return sessionToken;
    }

    /**
     * What a page's validator must include so that one visitor's page (with their name, their votes, their form
     * token) is never revalidated for another: the member and their session, or the anonymous form cookie.
     */
    String cacheKey() {
        String expected = expectedCsrfToken();
        return member.map(m -> "member " + m.id() + " " + expected)
                .orElse(expected == null ? "" : "anonymous " + expected);
    }
}
