package dailypapers.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Writes each message as an RFC 5322 file, {@code <id>.eml}, in a directory: mail for a one-machine instance
 * without a mail server, readable by any mail client. A file is written beside its final name and moved into
 * place, so a reader never sees half of one; writing the same message again replaces the file.
 */
final class EmlTransport implements MailTransport {

    private final Path directory;
    private final InternetAddress from;
    private final Session session = Session.getInstance(new Properties());

    EmlTransport(Path directory, InternetAddress from) {
        this.directory = directory;
        this.from = from;
    }

    @Override
    public void deliver(String id, Message message) throws MailException {
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, id, ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                MimeMessages.build(session, from, id, message).writeTo(out);
            }
            Files.move(temp, file(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | MessagingException e) {
            deleteQuietly(temp, e);
            throw new MailException("cannot write " + file(id) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void verify() throws MailException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new MailException("cannot create " + directory + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(directory)) {
            throw new MailException("cannot write to " + directory, null);
        }
    }

    /** Where the message with this outbox id is written. */
    Path file(String id) {
        return directory.resolve(id + ".eml");
    }

    @Override
    public String describe() {
        return "file " + directory;
    }

    private static void deleteQuietly(Path temp, Exception failure) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
