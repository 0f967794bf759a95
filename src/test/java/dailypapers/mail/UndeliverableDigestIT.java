package dailypapers.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.Config;
import dailypapers.TestApp;
import dailypapers.digest.DigestFixture;
import dailypapers.digest.DigestService;
import dailypapers.digest.Subscription;
import dailypapers.digest.SubscriptionState;
import dailypapers.mail.ScriptedSmtpServer.Command;
import dailypapers.mail.ScriptedSmtpServer.Mode;
import dailypapers.paper.PaperFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A digest the mail server refuses for good (550 at RCPT) fails at once and disables its subscription with the
 * server's answer, which the admin page then shows; nothing is retried and no further digest is composed for it.
 * Here, beside the scripted SMTP server it needs.
 */
class UndeliverableDigestIT {

    @Test
    void aPermanentRefusalDisablesTheSubscriptionWithTheServersAnswer() throws Exception {
        Path dir = Files.createTempDirectory("dailypapers-bounce");
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Mode.ANSWER)
                .reply(Command.RCPT, "550 5.1.1 mailbox unavailable");
                TestApp app = TestApp.start(Config.load(null, Map.of(), Map.of("data.dir", dir.toString(),
                        "http.host", "127.0.0.1", "http.port", "0", "harvest.enabled", "false",
                        "thumbnail.enabled", "false", "digest.enabled", "false", "mail.smtp.host", "127.0.0.1",
                        "mail.smtp.port", Integer.toString(server.port()), "mail.smtp.security", "none")));
                DigestFixture fixture = new DigestFixture(app.app())) {
            LocalDate monday = LocalDate.of(2026, 6, 1);
            Instant due = Instant.parse("2026-06-02T07:00:00Z");
            fixture.papers(PaperFixtures.paper().featuredOn(monday).upvotes(3).build());
            Subscription gone = fixture.subscriber(due);
            app.app().digests().service().composeDue(due, () -> false);

            app.app().mail().deliverNow();

            Subscription disabled = fixture.reload(gone);
            assertThat(disabled.state()).isEqualTo(SubscriptionState.DISABLED);
            assertThat(disabled.stateReason()).hasValueSatisfying(r -> assertThat(r).contains("550 5.1.1"));
            assertThat(disabled.nextDueAt()).as("no more digests").isEmpty();
            assertThat(app.app().mail().counts(DigestService.KIND).get(OutboxStore.State.FAILED)).isEqualTo(1);
            assertThat(server.accepted()).isEmpty();
            var status = app.app().digests().status();
            assertThat(status.disabled()).extracting(Subscription::email).containsExactly(gone.email());
            assertThat(status.failures()).singleElement().satisfies(f -> assertThat(f.error()).contains("550"));
        }
    }
}
