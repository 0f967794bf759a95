package dailypapers.web;

import dailypapers.account.AccountService;
import dailypapers.account.Member;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Resolves each request's {@link Visitor} once, before any handler: the member whose session the cookie names, when
 * it is unexpired and the member is active. A request without the cookie costs no database read.
 */
final class Visitors {

    private final AccountService accounts;

    Visitors(AccountService accounts) {
        this.accounts = accounts;
    }

    void resolve(Context ctx) {
        String token = ctx.cookie(SessionCookies.NAME);
        Optional<Member> member = token == null || token.isEmpty() ? Optional.empty()
                : accounts.sessionMember(token);
        Visitor.set(ctx, new Visitor(member, member.isPresent() ? token : null, ctx));
    }
}
