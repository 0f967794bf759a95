package dailypapers.web;

/**
 * A page that says what an account action did: a mail sent (the same page whoever the address belongs to), an
 * account deleted.
 *
 * @param outboxDirectory where an instance without SMTP wrote the message as an {@code .eml} file, or null when
 *                        mail goes out by SMTP or none was sent
 */
public record AccountNoticeView(PageFrame frame, String heading, String text, String outboxDirectory) {
}
