package dailypapers.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /admin/sign-in}: the operator types the admin token once; the answer is a session cookie (see
 * {@link AdminAccess}) and a redirect back to the admin page asked for.
 */
final class SignInPages {

    static final String PATH = "/admin/sign-in";
    /** Where a sign-in without a (valid) {@code next} lands. */
    static final String DEFAULT_NEXT = "/admin/harvest";

    private static final Logger log = LoggerFactory.getLogger(SignInPages.class);

    private final AdminAccess access;
    private final Views views;

    SignInPages(AdminAccess access, Views views) {
        this.access = access;
        this.views = views;
    }

    /** The sign-in page that leads back to {@code next} (an admin path), for a redirect to send a browser to. */
    static String link(String next) {
        return PATH + "?next=" + Links.encode(next);
    }

    void page(Context ctx) {
        views.render(ctx, "sign-in.jte", view(Params.optional(ctx, "next").orElse(null), null));
    }

    void signIn(Context ctx) {
        if (!access.hasToken()) {
            throw HttpError.forbidden(AdminAccess.LOOPBACK_ONLY);
        }
        String next = ctx.formParam("next");
        if (!access.isToken(ctx.formParam("token"))) {
            log.warn("admin sign-in with a wrong token from {}", ctx.ip());
            ctx.status(HttpStatus.UNAUTHORIZED);
            views.render(ctx, "sign-in.jte", view(next, "That is not the admin token."));
            return;
        }
        ctx.cookie(access.sessionCookie(ctx));
        ctx.redirect(safeNext(next), HttpStatus.SEE_OTHER);
    }

    private SignInView view(String next, String error) {
        return new SignInView(PageFrame.plain("Admin sign-in — Daily Papers"), access.hasToken(), safeNext(next),
                error);
    }

    /** Only an admin path of this site, so the form cannot be turned into a redirect elsewhere. */
    static String safeNext(String next) {
        return Optional.ofNullable(next).filter(n -> n.startsWith("/admin/") && !n.startsWith(PATH)
                && n.chars().noneMatch(c -> c < 0x20 || c == '\\')).orElse(DEFAULT_NEXT);
    }
}
