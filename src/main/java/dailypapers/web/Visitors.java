package dailypapers.web;

import dailypapers.account.AccountService;
import dailypapers.account.Member;
import dailypapers.token.TokenGrant;
import dailypapers.token.TokenService;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.Optional;

/**
 * Resolves each request's {@link Visitor} once, before any handler: the member whose session the cookie names, when
 * it is unexpired and the member is active. A request without the cookie costs no database read.
 */
final class Visitors {

    private static final String BEARER = "Bearer ";
    private static final String API_PREFIX = "/api/";

    private final AccountService accounts;
    private final TokenService tokens;

    Visitors(AccountService accounts, TokenService tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /**
     * A request with a bearer credential is judged by it alone and never by a cookie, so the form-token check,
     * which such requests skip ({@link Csrf#applies}), never matters for a session: a personal access token
     * ({@code dp_…}) names its member on the API (under {@code /api/}) or is a 401; any other bearer is the
     * operator's admin token, which {@link AdminAccess} judges.
     */
    void resolve(Context ctx) {
        String authorization = ctx.header(Header.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String secret = authorization.substring(BEARER.length()).strip();
            if (!secret.startsWith(TokenService.PREFIX)) {
                Visitor.set(ctx, Visitor.otherBearer(ctx));
                return;
            }
            if (!ctx.path().startsWith(API_PREFIX)) {
                // Pages and their forms (settings, tokens) are for browsers: a token must not reach them.
                throw HttpError.unauthorized("Personal access tokens are for the API under " + API_PREFIX + ".");
            }
            TokenGrant grant = tokens.authenticate(secret).orElseThrow(() -> HttpError.unauthorized(
                    "This personal access token is unknown or revoked, or its member may no longer use it."));
            Visitor.set(ctx, Visitor.byToken(grant.member(), grant.token().scope(), ctx));
            return;
        }
        String token = ctx.cookie(SessionCookies.NAME);
        Optional<Member> member = token == null || token.isEmpty() ? Optional.empty()
                : accounts.sessionMember(token);
        Visitor.set(ctx, new Visitor(member, member.isPresent() ? token : null, ctx));
    }
}
