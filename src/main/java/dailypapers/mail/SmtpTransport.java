package dailypapers.mail;

import static dailypapers.text.Messages.rootMessage;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends messages over SMTP, one connection kept for a run's messages (100,000 digests would otherwise open 100,000
 * connections) and closed by {@link #disconnect()}. A kept connection is checked (NOOP) before each message and
 * replaced when the server dropped it; one that answers 421 is replaced and the message sent once more.
 *
 * <p>A failure is permanent when the server answers 5xx about the recipient or the message (at RCPT or DATA): trying
 * again cannot help, and the recipient's address may be disabled. A 5xx to MAIL FROM is about our sender, the
 * same for every recipient, so it is temporary: an operator can fix the settings without every address being
 * disabled. Anything else (4xx, a refused or broken connection, a timeout) is temporary.
 */
final class SmtpTransport implements MailTransport {

    /** A failure's reason is cut to this length, so a chatty server cannot fill the outbox. */
    static final int MAX_REASON_CHARS = 300;
    private static final int SERVICE_CLOSING = 421;

    private final MailSettings settings;
    private final String host;
    private final InternetAddress from;
    private final Session session;
    private Transport connection;

    SmtpTransport(MailSettings settings, InternetAddress from) {
        this.settings = settings;
        this.host = settings.smtpHost().orElseThrow();
        this.from = from;
        boolean smtps = settings.security() == MailSettings.Security.SMTPS;
        String protocol = smtps ? "smtps" : "smtp";
        String timeout = Long.toString(settings.timeout().toMillis());
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", protocol);
        properties.setProperty("mail." + protocol + ".host", host);
        properties.setProperty("mail." + protocol + ".port", Integer.toString(settings.smtpPort()));
        properties.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        properties.setProperty("mail." + protocol + ".timeout", timeout);
        properties.setProperty("mail." + protocol + ".writetimeout", timeout);
        properties.setProperty("mail." + protocol + ".auth", Boolean.toString(settings.user().isPresent()));
        if (!smtps) {
            properties.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
        }
        if (settings.security() == MailSettings.Security.STARTTLS) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        if (settings.security() != MailSettings.Security.NONE) {
            properties.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(properties);
    }

    @Override
    public synchronized void deliver(String id, Message message) throws MailException {
        MimeMessage mime;
        try {
            mime = MimeMessages.build(session, from, id, message);
        } catch (MessagingException e) {
            throw new MailException("cannot build message " + id + ": " + rootMessage(e), e);
        }
        boolean reused = connection != null;
        try {
            send(mime);
        } catch (MessagingException e) {
            disconnect();
            Optional<Reply> reply = Reply.of(e);
            // Only a kept connection the server closed (421) is certain not to have taken the message; after any
            // other failure the message may have gone, so it waits for its retry rather than going again now.
            if (!reused || reply.isEmpty() || reply.get().code() != SERVICE_CLOSING) {
                throw failure(e, reply);
            }
            try {
                send(mime);
            } catch (MessagingException again) {
                disconnect();
                throw failure(again, Reply.of(again));
            }
        }
    }

    private void send(MimeMessage mime) throws MessagingException {
        if (connection != null && !connection.isConnected()) {
            // isConnected asks the server (NOOP): a kept connection it dropped is replaced before the message
            // goes, not after a failure that might have come after the server took it.
            disconnect();
        }
        if (connection == null) {
            Transport opened = session.getTransport();
            opened.connect(host, settings.smtpPort(), settings.user().orElse(null), settings.password().orElse(null));
            connection = opened;
        }
        connection.sendMessage(mime, mime.getAllRecipients());
    }

    /** A connection of its own, opened and closed: the one kept for a run is neither used nor disturbed. */
    @Override
    public void verify() throws MailException {
        try {
            Transport probe = session.getTransport();
            try {
                probe.connect(host, settings.smtpPort(), settings.user().orElse(null),
                        settings.password().orElse(null));
            } finally {
                probe.close();
            }
        } catch (MessagingException e) {
            throw failure(e, Reply.of(e));
        }
    }

    @Override
    public synchronized void disconnect() {
        if (connection != null) {
            try {
                connection.close();
            } catch (MessagingException e) {
                // QUIT on a connection that already broke; there is nothing left to close.
            } finally {
                connection = null;
            }
        }
    }

    private MailException failure(MessagingException e, Optional<Reply> reply) {
        String reason = reply.map(Reply::text).orElseGet(() -> "SMTP " + host + ":" + settings.smtpPort() + ": "
                + firstLine(e.getMessage()) + (rootMessage(e).equals(e.getMessage()) ? "" : ": " + rootMessage(e)));
        boolean permanent = reply.map(Reply::isPermanent).orElse(false);
        boolean addressRefused = reply.map(Reply::refusesTheAddress).orElse(false);
        return new MailException(reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) + "…"
                : reason, permanent, addressRefused, e);
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("").strip();
        return line.endsWith(";") ? line.substring(0, line.length() - 1) : line;
    }

    @Override
    public String describe() {
        return "SMTP " + host + ":" + settings.smtpPort() + " (" + settings.security().name().toLowerCase(
                Locale.ROOT) + ")";
    }

    /** The server's answer that failed a send: its code, the command it answered, and its text. */
    private record Reply(int code, String command, String text) {

        /** An RFC 3463 enhanced status code after the reply code: class 5, then subject and detail. */
        private static final Pattern ENHANCED_STATUS = Pattern.compile("^\\d{3}[ -]5\\.(\\d{1,3})\\.(\\d{1,3})\\b");

        /** The first SMTP reply in the exception's chain (Jakarta nests a refused recipient in a summary). */
        static Optional<Reply> of(MessagingException e) {
            for (Exception cause = e; cause != null;
                    cause = cause instanceof MessagingException m ? m.getNextException() : null) {
                if (cause instanceof SMTPAddressFailedException refused) {
                    return Optional.of(new Reply(refused.getReturnCode(), refused.getCommand(),
                            firstLine(refused.getMessage())));
                }
                if (cause instanceof SMTPSendFailedException failed && failed.getReturnCode() > 0) {
                    return Optional.of(new Reply(failed.getReturnCode(), failed.getCommand(),
                            firstLine(failed.getMessage())));
                }
            }
            return Optional.empty();
        }

        boolean isPermanent() {
            boolean aboutTheSender = command != null && command.toUpperCase(Locale.ROOT).startsWith("MAIL FROM");
            return code >= 500 && code < 600 && !aboutTheSender;
        }

        /**
         * A permanent reply that is about the address (RFC 3463 status 5.1.x, bad mailbox or domain, or 5.2.1,
         * mailbox disabled; without a status code, 550, 551 or 553 to RCPT), not about policy or our setup.
         */
        boolean refusesTheAddress() {
            if (!isPermanent()) {
                return false;
            }
            Matcher status = ENHANCED_STATUS.matcher(text);
            if (status.find()) {
                return status.group(1).equals("1") || status.group(1).equals("2") && status.group(2).equals("1");
            }
            return command != null && command.toUpperCase(Locale.ROOT).startsWith("RCPT")
                    && (code == 550 || code == 551 || code == 553);
        }
    }
}
