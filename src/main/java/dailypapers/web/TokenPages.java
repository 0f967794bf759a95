package dailypapers.web;

import dailypapers.token.IssuedToken;
import dailypapers.token.TokenException;
import dailypapers.token.TokenScope;
import dailypapers.token.TokenService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * {@code /settings/tokens}: a member lists, creates and revokes their personal access tokens. A new token's secret
 * is shown once, in the answer to the form that created it (never stored, never cached: settings routes answer
 * {@code no-store}).
 */
final class TokenPages {

    static final String PATH = "/settings/tokens";

    private final TokenService tokens;
    private final Views views;

    TokenPages(TokenService tokens, Views views) {
        this.tokens = tokens;
        this.views = views;
    }

    void page(Context ctx) {
        views.render(ctx, "tokens.jte", TokensView.of(tokens.tokens(memberId(ctx))));
    }

    void create(Context ctx) {
        long member = memberId(ctx);
        String name = ctx.formParam("name");
        String scope = ctx.formParam("scope");
        TokenScope parsed;
        try {
            parsed = TokenScope.of(scope);
        } catch (TokenException e) {
            refuse(ctx, name, scope, null, e.getMessage());
            return;
        }
        try {
            IssuedToken issued = tokens.create(member, name, parsed);
            ctx.status(HttpStatus.CREATED);
            views.render(ctx, "tokens.jte", TokensView.of(tokens.tokens(member))
                    .withSecret(issued.token().name(), issued.secret()));
        } catch (TokenException e) {
            refuse(ctx, name, scope, e.code() == TokenException.Code.NAME_INVALID ? e.getMessage() : null,
                    e.code() == TokenException.Code.NAME_INVALID ? null : e.getMessage());
        }
    }

    void revoke(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("tokenId"));
        } catch (NumberFormatException e) {
            throw HttpError.notFound("No such token.");
        }
        try {
            tokens.revoke(memberId(ctx), id);
        } catch (TokenException e) {
            throw HttpError.notFound("No such token among yours.");
        }
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }

    private void refuse(Context ctx, String name, String scope, String nameError, String formError) {
        ctx.status(HttpStatus.BAD_REQUEST);
        views.render(ctx, "tokens.jte", TokensView.of(tokens.tokens(memberId(ctx)))
                .withInput(name == null ? "" : name, scope == null ? "" : scope, nameError, formError));
    }

    private static long memberId(Context ctx) {
        return Visitor.of(ctx).requireMember().id();
    }
}
