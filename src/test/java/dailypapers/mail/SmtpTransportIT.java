package dailypapers.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dailypapers.TestPorts;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMTP transport against GreenMail, a real SMTP server in process. */
class SmtpTransportIT {

    private static final String FROM = "Daily Papers <papers@example.org>";

    private GreenMail server;

    @BeforeEach
    void start() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aPlainMessageArrivesWithItsHeaders() throws Exception {
        transport(MailSettings.Security.NONE, Optional.empty(), Optional.empty())
                .deliver("id-1", Message.plain("ada@example.org", "Grüße from Daily Papers", "Hello\n"));

        assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = server.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Grüße from Daily Papers");
        assertThat(received.getFrom()[0].toString()).isEqualTo("Daily Papers <papers@example.org>");
        assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.org");
        assertThat(received.getMessageID()).isEqualTo("<id-1@example.org>");
        assertThat(received.getContent().toString().strip()).isEqualTo("Hello");
    }

    @Test
    void aUserAndPasswordAuthenticate() throws Exception {
        server.setUser("papers@example.org", "papers", "right-password");

        transport(MailSettings.Security.NONE, Optional.of("papers"), Optional.of("right-password"))
                .deliver("id-2", Message.plain("ada@example.org", "s", "b"));

        assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
    }

    @Test
    void aWrongPasswordIsAMailExceptionThatNamesNoPassword() {
        server.setUser("papers@example.org", "papers", "right-password");

        assertThatThrownBy(() -> transport(MailSettings.Security.NONE, Optional.of("papers"),
                Optional.of("wrong-password")).deliver("id-3", Message.plain("ada@example.org", "s", "b")))
                .isInstanceOf(MailException.class).hasMessageNotContaining("wrong-password");
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttlsIsRequiredNotOpportunistic() {
        // GreenMail offers no STARTTLS: the transport refuses to send in clear rather than fall back.
        assertThatThrownBy(() -> transport(MailSettings.Security.STARTTLS, Optional.empty(), Optional.empty())
                .deliver("id-4", Message.plain("ada@example.org", "s", "b")))
                .isInstanceOf(MailException.class).hasMessageContaining("STARTTLS");
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatRefusesConnectionsIsAMailException() throws Exception {
        int closedPort = TestPorts.free();
        MailSettings settings = new MailSettings(Optional.of("127.0.0.1"), closedPort, MailSettings.Security.NONE,
                Optional.empty(), Optional.empty(), FROM, Duration.ofSeconds(5), Path.of("unused"));
        SmtpTransport transport = new SmtpTransport(settings, MailSettings.fromAddress(FROM));

        assertThatThrownBy(() -> transport.deliver("id-5", Message.plain("ada@example.org", "s", "b")))
                .isInstanceOf(MailException.class).hasMessageContaining("127.0.0.1:" + closedPort);
    }

    private SmtpTransport transport(MailSettings.Security security, Optional<String> user,
            Optional<String> password) {
        MailSettings settings = new MailSettings(Optional.of("127.0.0.1"), server.getSmtp().getPort(), security,
                user, password, FROM, Duration.ofSeconds(5), Path.of("unused"));
        return new SmtpTransport(settings, MailSettings.fromAddress(FROM));
    }
}
