package dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.cli.Main;
import dailypapers.mail.OutboxStore;
import dailypapers.mail.ScriptedSmtpServer;
import dailypapers.paper.PaperFixtures;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The sender killed between two messages and restarted: every recipient gets exactly one digest. The sender is a
 * real {@code dailypapers digest send} process, killed with SIGKILL while the SMTP server (a real one on loopback)
 * holds it between its third and fourth message; the restarted sender is a fresh instance on the same database,
 * delivering to GreenMail once the dead one's lease on the mail job has lapsed (up to a minute).
 */
@Order(Order.DEFAULT + 1) // one of the suite's longest: started early (see the test configuration in pom.xml)
class DigestCrashIT {

    private static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);
    private static final Instant TUESDAY_SEVEN = MONDAY.plusDays(1).atTime(7, 0).toInstant(ZoneOffset.UTC);
    private static final int SUBSCRIBERS = 8;
    private static final int BEFORE_THE_CRASH = 3;
    private static final Pattern TO = Pattern.compile("(?m)^To: (.+)$");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?m)^Message-ID: (.+)$");

    @Test
    void aSenderKilledBetweenMessagesLosesNoneAndSendsNoneTwice() throws Exception {
        Path dir = Files.createTempDirectory("dailypapers-digest-crash");
        List<String> recipients = new ArrayList<>();
        try (ScriptedSmtpServer stalling = new ScriptedSmtpServer(ScriptedSmtpServer.Mode.ANSWER)
                .stallAfter(BEFORE_THE_CRASH)) {
            try (TestApp app = TestApp.start(config(dir, stalling.port()));
                    DigestFixture fixture = new DigestFixture(app.app())) {
                fixture.papers(PaperFixtures.paper().featuredOn(MONDAY).published(MONDAY).upvotes(12)
                        .title("Sparse attention for long documents").build());
                for (int i = 0; i < SUBSCRIBERS; i++) {
                    recipients.add(fixture.subscriber(TUESDAY_SEVEN).email());
                }
                DigestService.Run run = app.app().digests().service().composeDue(TUESDAY_SEVEN, () -> false);
                assertThat(run.digests()).isEqualTo(SUBSCRIBERS);
            }

            Process sender = sender(dir, stalling.port());
            try {
                assertThat(stalling.awaitStall(60, TimeUnit.SECONDS)).as("the sender reached the stalled message")
                        .isTrue();
            } finally {
                sender.destroyForcibly();
                sender.waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(stalling.accepted()).hasSize(BEFORE_THE_CRASH);

            GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try (TestApp app = TestApp.start(config(dir, smtp.getSmtp().getPort()))) {
                assertThat(app.app().mail().counts(DigestService.KIND))
                        .as("the crash left the message in hand sending, the rest pending")
                        .containsEntry(OutboxStore.State.SENT, (long) BEFORE_THE_CRASH)
                        .containsEntry(OutboxStore.State.SENDING, 1L)
                        .containsEntry(OutboxStore.State.PENDING, (long) SUBSCRIBERS - BEFORE_THE_CRASH - 1);

                // The dead sender's lease on the mail job lapses within one lease duration; then this one sends.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (app.app().mail().deliverNow().isEmpty()) {
                    assertThat(System.nanoTime()).as("the dead sender's lease lapsed").isLessThan(deadline);
                    Thread.sleep(1_000);
                }

                assertThat(app.app().mail().counts(DigestService.KIND))
                        .containsEntry(OutboxStore.State.SENT, (long) SUBSCRIBERS)
                        .containsEntry(OutboxStore.State.SENDING, 0L)
                        .containsEntry(OutboxStore.State.PENDING, 0L)
                        .containsEntry(OutboxStore.State.RETRY, 0L);
                Map<String, Integer> received = new HashMap<>();
                List<String> messageIds = new ArrayList<>();
                for (String data : stalling.accepted()) {
                    received.merge(header(TO, data), 1, Integer::sum);
                    messageIds.add(header(MESSAGE_ID, data));
                }
                for (MimeMessage mail : smtp.getReceivedMessages()) {
                    received.merge(mail.getAllRecipients()[0].toString(), 1, Integer::sum);
                    messageIds.add(mail.getMessageID());
                }
                assertThat(received).as("every recipient exactly once").hasSize(SUBSCRIBERS)
                        .containsOnlyKeys(recipients).allSatisfy((to, count) -> assertThat(count).isOne());
                assertThat(messageIds).doesNotHaveDuplicates().hasSize(SUBSCRIBERS);
            } finally {
                smtp.stop();
            }
        }
    }

    private static Config config(Path dir, int smtpPort) {
        return Config.load(null, Map.of(), Map.of("data.dir", dir.toString(), "http.host", "127.0.0.1",
                "http.port", "0", "harvest.enabled", "false", "thumbnail.enabled", "false", "digest.enabled",
                "false", "mail.smtp.host", "127.0.0.1", "mail.smtp.port", Integer.toString(smtpPort),
                "mail.smtp.security", "none"));
    }

    /** {@code dailypapers digest send} in a process of its own, on the same data directory. */
    private static Process sender(Path dir, int smtpPort) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", dir.toString(),
                "digest", "send")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sender.log").toFile());
        builder.environment().putAll(Map.of(Config.HARVEST_ENABLED.environmentVariable(), "false",
                Config.THUMBNAIL_ENABLED.environmentVariable(), "false",
                Config.SEARCH_MODEL.environmentVariable(), "none",
                Config.MAIL_SMTP_HOST.environmentVariable(), "127.0.0.1",
                Config.MAIL_SMTP_PORT.environmentVariable(), Integer.toString(smtpPort),
                Config.MAIL_SMTP_SECURITY.environmentVariable(), "none",
                Config.MAIL_SMTP_TIMEOUT_SECONDS.environmentVariable(), "120"));
        return builder.start();
    }

    private static String header(Pattern pattern, String data) {
        Matcher matcher = pattern.matcher(data);
        assertThat(matcher.find()).as("a header in " + data.lines().limit(12).toList()).isTrue();
        return matcher.group(1).strip();
    }
}
