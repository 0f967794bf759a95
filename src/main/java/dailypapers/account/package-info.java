/**
 * Members: accounts, sessions, password hashing and roles. Start at {@link dailypapers.account.AccountService};
 * the rules on input live in the value types {@link dailypapers.account.Email}, {@link dailypapers.account.Handle}
 * and {@link dailypapers.account.DisplayName} and in {@link dailypapers.account.PasswordHasher}. Storage is the
 * {@link dailypapers.account.AccountStore} seam, implemented in {@code store}. Emailed links ({@link
 * dailypapers.account.LinkPurpose}) are composed by {@code AccountMail} and queued through {@code mail.Mailer} in
 * the transaction that stores them; the pages are {@code web.AccountPages}.
 */
package dailypapers.account;
