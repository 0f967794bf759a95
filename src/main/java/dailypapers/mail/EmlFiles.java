package dailypapers.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Writes one message as an RFC 5322 file, exactly as the transports would send it (a preview, by hand). */
public final class EmlFiles {

    private EmlFiles() {
    }

    /** Writes {@code message} to {@code file} with Message-ID {@code <id@from's domain>}, From {@code from}. */
    public static void write(Path file, String id, Message message, String from) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            MimeMessages.build(Session.getInstance(new Properties()), MailSettings.fromAddress(from), id, message)
                    .writeTo(out);
        } catch (MessagingException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
