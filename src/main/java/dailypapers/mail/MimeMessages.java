package dailypapers.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Builds the RFC 5322 message both transports send: the same headers and bodies over SMTP and in a file. */
final class MimeMessages {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private MimeMessages() {
    }

    static MimeMessage build(Session session, InternetAddress from, String id, Message message)
            throws MessagingException {
        MimeMessage mime = new FixedIdMessage(session, "<" + id + "@" + domain(from) + ">");
        mime.setFrom(from);
        mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(message.to()));
        mime.setSubject(message.subject(), UTF_8);
        mime.setSentDate(new Date());
        for (var header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), MimeUtility.fold(header.getKey().length() + 2, header.getValue()));
        }
        if (message.html().isEmpty()) {
            mime.setText(message.text(), UTF_8);
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.text(), UTF_8);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html().get(), UTF_8, "html");
            mime.setContent(new MimeMultipart("alternative", text, html));
        }
        mime.saveChanges();
        return mime;
    }

    private static String domain(InternetAddress from) {
        String address = from.getAddress();
        return address.substring(address.lastIndexOf('@') + 1);
    }

    /** Keeps the outbox's Message-ID, which Jakarta Mail would otherwise replace with a random one. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
