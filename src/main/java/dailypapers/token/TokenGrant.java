package dailypapers.token;

import dailypapers.account.Member;

/** Who a bearer token speaks for, and with which scope. */
public record TokenGrant(Member member, AccessToken token) {

    public boolean allows(TokenScope needed) {
        return token.scope().allows(needed);
    }
}
