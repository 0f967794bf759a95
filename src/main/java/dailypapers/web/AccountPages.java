package dailypapers.web;

import dailypapers.account.AccountService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Signing in and out of member accounts. */
final class AccountPages {

    private final AccountService accounts;

    AccountPages(AccountService accounts) {
        this.accounts = accounts;
    }

    /** Ends this browser's session (in the database, so on every node) and forgets the cookie. */
    void signOut(Context ctx) {
        accounts.signOut(Visitor.of(ctx).sessionToken());
        SessionCookies.clear(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }
}
