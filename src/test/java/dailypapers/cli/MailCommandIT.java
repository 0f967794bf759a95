package dailypapers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dailypapers.mail.ScriptedSmtpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mail test} as an operator runs it: with no SMTP host an .eml file, with one a delivered message. */
class MailCommandIT {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void withoutAnSmtpHostTheTestMessageIsAnEmlFileUnderTheDataDirectory() throws Exception {
        int code = run("--data-dir", dir.toString(), "mail", "test", "--to", "ada@example.org");

        assertThat(code).as(err.toString()).isZero();
        Path outbox = dir.resolve("outbox");
        List<Path> files;
        try (Stream<Path> listed = Files.list(outbox)) {
            files = listed.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(Files.readString(files.get(0))).contains("Subject: " + MailCommand.TestCommand.SUBJECT)
                .contains("To: ada@example.org");
        assertThat(out.toString()).contains("sent message").contains("to ada@example.org via file " + outbox);
    }

    @Test
    void withAnSmtpHostTheTestMessageIsDelivered() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            Path config = Files.writeString(dir.resolve("mail.properties"), """
                    mail.smtp.host=127.0.0.1
                    mail.smtp.port=%d
                    mail.smtp.security=none
                    mail.from=Daily Papers <papers@example.org>
                    """.formatted(server.getSmtp().getPort()));

            int code = run("--config", config.toString(), "--data-dir", dir.toString(), "mail", "test", "--to",
                    "ada@example.org");

            assertThat(code).as(err.toString()).isZero();
            assertThat(server.getReceivedMessages()).hasSize(1);
            assertThat(server.getReceivedMessages()[0].getSubject()).isEqualTo(MailCommand.TestCommand.SUBJECT);
            assertThat(out.toString()).contains("via SMTP 127.0.0.1:" + server.getSmtp().getPort() + " (none)");
        } finally {
            server.stop();
        }
    }

    @Test
    void anUndeliverableTestMessageIsAClearErrorNotATrace() throws Exception {
        Path config = Files.writeString(dir.resolve("mail.properties"), """
                mail.smtp.host=127.0.0.1
                mail.smtp.port=1
                mail.smtp.security=none
                mail.smtp.timeout.seconds=2
                """);

        int code = run("--config", config.toString(), "--data-dir", dir.toString(), "mail", "test", "--to",
                "ada@example.org");

        assertThat(code).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(err.toString()).startsWith("error: message ").contains("not delivered via SMTP 127.0.0.1:1")
                .contains("retried").doesNotContain("\tat ");
    }

    @Test
    void aTestMessageRefusedForGoodSaysSoAndNotThatItIsRetried() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(ScriptedSmtpServer.Mode.ANSWER)
                .reply(ScriptedSmtpServer.Command.RCPT, "550 5.1.1 mailbox unavailable")) {
            Path config = Files.writeString(dir.resolve("mail.properties"), """
                    mail.smtp.host=127.0.0.1
                    mail.smtp.port=%d
                    mail.smtp.security=none
                    """.formatted(server.port()));

            int code = run("--config", config.toString(), "--data-dir", dir.toString(), "mail", "test", "--to",
                    "gone@example.org");

            assertThat(code).isEqualTo(Main.EXIT_STARTUP_FAILED);
            assertThat(err.toString()).contains("550 5.1.1 mailbox unavailable").contains("refused it for good")
                    .doesNotContain("retried");
        }
    }

    @Test
    void anAddressWithALineBreakIsRefused() {
        int code = run("--data-dir", dir.toString(), "mail", "test", "--to", "ada@example.org\r\nBcc: eve@x.org");

        assertThat(code).isEqualTo(Main.EXIT_STARTUP_FAILED);
        assertThat(err.toString()).startsWith("error: --to: to must not contain line breaks");
    }
}
