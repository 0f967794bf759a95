package dailypapers.account;

import dailypapers.mail.Mailer;
import dailypapers.paper.Transactions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Members: wires the account service from its store, its transactions and the mailer; no jobs. */
public final class AccountModule {

    private final AccountService service;
    private final Optional<Path> outboxDirectory;

    /**
     * @param outboxDirectory where mail is written as files when no SMTP server is set (empty with one), so that a
     *                        page that sent mail can say where it went
     */
    public AccountModule(AccountSettings settings, AccountStore store, Transactions<AccountStore> transactions,
            Mailer mailer, Optional<Path> outboxDirectory, Clock clock) {
        this.service = new AccountService(settings, store, transactions, mailer,
                new PasswordHasher(PasswordHasher.DEFAULT), clock);
        this.outboxDirectory = outboxDirectory;
    }

    public AccountService service() {
        return service;
    }

    public Optional<Path> outboxDirectory() {
        return outboxDirectory;
    }
}
