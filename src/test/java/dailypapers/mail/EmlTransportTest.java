package dailypapers.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmlTransportTest {

    private static final InternetAddress FROM = MailSettings.fromAddress("Daily Papers <papers@example.org>");

    @TempDir
    Path dir;

    @Test
    void aPlainMessageIsWrittenAsAnRfc5322FileThatJakartaMailReadsBack() throws Exception {
        Path outbox = dir.resolve("outbox");
        EmlTransport transport = new EmlTransport(outbox, FROM);

        transport.deliver("m-1", Message.plain("ada@example.org", "Sign in to Daily Papers — 1",
                "Your link: https://example.org/x\n"));

        MimeMessage read = read(outbox.resolve("m-1.eml"));
        assertThat(read.getSubject()).isEqualTo("Sign in to Daily Papers — 1");
        assertThat(read.getFrom()).containsExactly(FROM);
        assertThat(read.getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.org");
        assertThat(read.getMessageID()).isEqualTo("<m-1@example.org>");
        assertThat(read.getContent().toString()).isEqualTo("Your link: https://example.org/x\n");
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files).as("no temp file left").containsExactly(outbox.resolve("m-1.eml"));
        }
    }

    @Test
    void anHtmlMessageCarriesBothAlternatives() throws Exception {
        EmlTransport transport = new EmlTransport(dir, FROM);

        transport.deliver("m-2", new Message("ada@example.org", "Digest", "plain", Optional.of("<p>html</p>")));

        MimeMultipart parts = (MimeMultipart) read(dir.resolve("m-2.eml")).getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("plain");
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>html</p>");
    }

    @Test
    void extraHeadersAreWrittenAndALongOneIsFoldedAtASpace() throws Exception {
        String unsubscribe = "<https://papers.example.org/digest/unsubscribe?token=" + "a".repeat(60) + ">, "
                + "<mailto:unsubscribe@papers.example.org?subject=" + "b".repeat(30) + ">";
        Message message = Message.plain("ada@example.org", "Digest", "b").withHeaders(Map.of(
                "List-Unsubscribe", unsubscribe, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));

        new EmlTransport(dir, FROM).deliver("m-5", message);

        String raw = Files.readString(dir.resolve("m-5.eml"));
        assertThat(raw).contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
        assertThat(raw.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
        MimeMessage read = read(dir.resolve("m-5.eml"));
        assertThat(jakarta.mail.internet.MimeUtility.unfold(read.getHeader("List-Unsubscribe", null)))
                .isEqualTo(unsubscribe);
    }

    @Test
    void deliveringAgainReplacesTheFile() throws Exception {
        EmlTransport transport = new EmlTransport(dir, FROM);
        transport.deliver("m-3", Message.plain("ada@example.org", "one", "1"));
        transport.deliver("m-3", Message.plain("ada@example.org", "two", "2"));

        assertThat(read(dir.resolve("m-3.eml")).getSubject()).isEqualTo("two");
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsAMailException() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        EmlTransport transport = new EmlTransport(file.resolve("outbox"), FROM);

        assertThatThrownBy(() -> transport.deliver("m-4",
                Message.plain("ada@example.org", "s", "b"))).isInstanceOf(MailException.class)
                .hasMessageContaining("m-4.eml");
    }

    static MimeMessage read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
