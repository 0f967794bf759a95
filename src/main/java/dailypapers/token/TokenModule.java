package dailypapers.token;

import dailypapers.account.AccountStore;
import java.time.Clock;

/** Personal access tokens: wires the token service from its store and the members'; no jobs. */
public final class TokenModule {

    private final TokenService service;

    public TokenModule(TokenStore store, AccountStore members, Clock clock) {
        this.service = new TokenService(store, members, clock);
    }

    public TokenService service() {
        return service;
    }
}
