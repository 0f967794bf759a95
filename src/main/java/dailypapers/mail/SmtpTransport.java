package dailypapers.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Properties;

/** Sends each message over its own SMTP connection (mail is rare enough that a pool would buy nothing). */
final class SmtpTransport implements MailTransport {

    private final MailSettings settings;
    private final String host;
    private final InternetAddress from;
    private final Session session;

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
    public void deliver(String id, Message message) throws MailException {
        try (Transport transport = session.getTransport()) {
            transport.connect(host, settings.smtpPort(), settings.user().orElse(null),
                    settings.password().orElse(null));
            var mime = MimeMessages.build(session, from, id, message);
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException e) {
            throw new MailException("SMTP " + host + ":" + settings.smtpPort() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "SMTP " + host + ":" + settings.smtpPort() + " (" + settings.security().name().toLowerCase(
                Locale.ROOT) + ")";
    }
}
