package dailypapers.account;

import java.time.Clock;

/** Members: wires the account service from its store; no jobs yet. */
public final class AccountModule {

    private final AccountService service;

    public AccountModule(AccountSettings settings, AccountStore store, Clock clock) {
        this.service = new AccountService(settings, store, new PasswordHasher(PasswordHasher.DEFAULT), clock);
    }

    public AccountService service() {
        return service;
    }
}
