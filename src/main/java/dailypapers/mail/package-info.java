/**
 * Mail: the one seam mail leaves through, never from a request thread. Start at
 * {@link dailypapers.mail.MailModule}: features queue a checked {@link dailypapers.mail.Message} with the
 * {@link dailypapers.mail.Mailer} (a row in the outbox, in the caller's transaction), and the
 * {@link dailypapers.mail.MailJob} delivers it through SMTP or as an {@code .eml} file, with retries. Other
 * features (digests) add references with {@link dailypapers.mail.OutboxStore#addRendered} and register a
 * {@link dailypapers.mail.MailKind} that renders each when its turn comes. docs/mail.md has the state machine.
 */
package dailypapers.mail;
