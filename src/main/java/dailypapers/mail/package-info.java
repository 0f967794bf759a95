/**
 * Mail: the one seam mail leaves through, never from a request thread. Start at
 * {@link dailypapers.mail.MailModule}: features queue a checked {@link dailypapers.mail.Message} with the
 * {@link dailypapers.mail.Mailer} (a row in the outbox, in the caller's transaction), and the
 * {@link dailypapers.mail.MailJob} delivers it through SMTP or as an {@code .eml} file, at most once, with retries.
 */
package dailypapers.mail;
