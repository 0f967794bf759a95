package dailypapers.account;

import dailypapers.mail.Mailer;
import dailypapers.paper.Transactions;
import java.time.Clock;

/** Members: wires the account service from its store, its transactions and the mailer; no jobs. */
public final class AccountModule {

    private final AccountService service;

    public AccountModule(AccountSettings settings, AccountStore store, Transactions<AccountStore> transactions,
            Mailer mailer, Clock clock) {
        this.service = new AccountService(settings, store, transactions, mailer,
                new PasswordHasher(PasswordHasher.DEFAULT), clock);
    }

    public AccountService service() {
        return service;
    }
}
