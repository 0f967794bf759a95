package dailypapers.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.ingest.TestClock;
import dailypapers.job.JobScheduler;
import dailypapers.mail.OutboxStore.Failure;
import dailypapers.mail.OutboxStore.Outgoing;
import dailypapers.mail.OutboxStore.State;
import dailypapers.mail.ScriptedSmtpServer.Command;
import dailypapers.mail.ScriptedSmtpServer.Mode;
import dailypapers.store.JdbiOutboxStore;
import dailypapers.store.JdbiRateLimitStore;
import dailypapers.store.JdbiTransactions;
import dailypapers.store.StoreTx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Temporary and permanent SMTP failures, timeouts and broken connections, against a scripted server. */
class MailFailuresIT extends DatabaseContract {

    private static final String FROM = "Daily Papers <papers@example.org>";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final List<List<String>> undeliverable = new CopyOnWriteArrayList<>();
    private JobScheduler jobs;
    private ScriptedSmtpServer server;

    MailFailuresIT() {
        super(TestDatabase.SQLITE);
    }

    @BeforeEach
    void start() {
        jobs = new JobScheduler(database().leases(), JobScheduler.DEFAULT_LEASE);
    }

    @AfterEach
    void stop() throws Exception {
        jobs.close();
        server.close();
    }

    @Test
    void aFourHundredReplyIsRetriedAfterItsBackoffThenSent() {
        server = new ScriptedSmtpServer(Mode.ANSWER).reply(Command.RCPT, "451 4.3.0 try again later");
        MailModule mail = module(Duration.ofSeconds(5));
        String id = mail.mailer().send(Message.plain("ada@example.org", "s", "b"));

        assertThat(mail.deliverNow()).contains(0);

        Outgoing retry = mail.find(id).orElseThrow();
        assertThat(retry.state()).isEqualTo(State.RETRY);
        assertThat(retry.lastError()).contains("451 4.3.0 try again later");
        assertThat(retry.nextAttemptAt()).isEqualTo(clock.instant().plus(MailJob.FIRST_RETRY));
        clock.advance(MailJob.FIRST_RETRY);
        assertThat(mail.deliverNow()).contains(1);
        assertThat(mail.find(id).orElseThrow().state()).isEqualTo(State.SENT);
        assertThat(server.accepted()).hasSize(1);
    }

    @Test
    void aFiveHundredAtRcptFailsAtOnceTellsTheKindOnceAndIsNeverRetried() {
        server = new ScriptedSmtpServer(Mode.ANSWER).reply(Command.RCPT, "550 5.1.1 mailbox unavailable");
        MailModule mail = module(Duration.ofSeconds(5));
        String id = digest(mail, "gone@example.org");

        assertThat(mail.deliverNow()).contains(0);

        Outgoing failed = mail.find(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("550 5.1.1 mailbox unavailable");
        assertThat(undeliverable).containsExactly(List.of("gone@example.org", "payload of gone@example.org",
                "550 5.1.1 mailbox unavailable"));
        assertThat(mail.recentFailures("digest", 10)).containsExactly(new Failure(id, "gone@example.org",
                "550 5.1.1 mailbox unavailable", clock.instant()));
        int connections = server.connections();
        clock.advance(Duration.ofDays(1));
        assertThat(mail.deliverNow()).contains(0);
        assertThat(server.connections()).as("never tried again").isEqualTo(connections);
        assertThat(undeliverable).hasSize(1);
    }

    @Test
    void aFiveHundredToTheMessageIsPermanentButLeavesTheAddressAlone() {
        server = new ScriptedSmtpServer(Mode.ANSWER).reply(Command.DATA_END, "554 5.7.1 message refused");
        MailModule mail = module(Duration.ofSeconds(5));
        String id = digest(mail, "ada@example.org");

        mail.deliverNow();

        assertThat(mail.find(id).orElseThrow().state()).isEqualTo(State.FAILED);
        assertThat(mail.find(id).orElseThrow().lastError()).contains("554 5.7.1 message refused");
        assertThat(undeliverable).as("a policy refusal says nothing about the address").isEmpty();
    }

    @Test
    void aRelayRefusalAtRcptFailsTheMessageWithoutDisablingTheAddress() {
        server = new ScriptedSmtpServer(Mode.ANSWER).reply(Command.RCPT, "554 5.7.1 Relay access denied");
        MailModule mail = module(Duration.ofSeconds(5));
        String id = digest(mail, "ada@example.org");

        mail.deliverNow();

        assertThat(mail.find(id).orElseThrow().state()).isEqualTo(State.FAILED);
        assertThat(undeliverable).as("our relay setup is wrong, not the subscriber's address").isEmpty();
    }

    @Test
    void aPlainFiveFiftyToRcptWithoutAStatusCodeRefusesTheAddress() {
        server = new ScriptedSmtpServer(Mode.ANSWER).reply(Command.RCPT, "550 no such user here");
        MailModule mail = module(Duration.ofSeconds(5));
        digest(mail, "gone@example.org");

        mail.deliverNow();

        assertThat(undeliverable).singleElement().satisfies(call -> assertThat(call.get(0))
                .isEqualTo("gone@example.org"));
    }

    @Test
    void aFiveHundredToTheSenderIsAboutOurSettingsAndRetriedWithoutBlamingTheAddress() {
        server = new ScriptedSmtpServer(Mode.ANSWER).reply(Command.MAIL, "553 5.7.1 sender not allowed");
        MailModule mail = module(Duration.ofSeconds(5));
        String id = digest(mail, "ada@example.org");

        mail.deliverNow();

        assertThat(mail.find(id).orElseThrow().state()).isEqualTo(State.RETRY);
        assertThat(mail.find(id).orElseThrow().lastError()).contains("553 5.7.1 sender not allowed");
        assertThat(undeliverable).isEmpty();
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndTheMessageIsRetried() {
        server = new ScriptedSmtpServer(Mode.SILENT);
        MailModule mail = module(Duration.ofMillis(500));
        String id = mail.mailer().send(Message.plain("ada@example.org", "s", "b"));

        assertThat(mail.deliverNow()).contains(0);

        Outgoing retry = mail.find(id).orElseThrow();
        assertThat(retry.state()).isEqualTo(State.RETRY);
        assertThat(retry.attempts()).isEqualTo(1);
        assertThat(retry.lastError()).hasValueSatisfying(error -> assertThat(error)
                .contains("127.0.0.1:" + server.port()).containsIgnoringCase("timed out").doesNotContain("\n"));
    }

    @Test
    void oneConnectionCarriesAllOfARunsMessages() {
        server = new ScriptedSmtpServer(Mode.ANSWER);
        MailModule mail = module(Duration.ofSeconds(5));
        IntStream.range(0, 5).forEach(i -> mail.mailer().send(Message.plain("r" + i + "@example.org", "s", "b")));

        assertThat(mail.deliverNow()).contains(5);

        assertThat(server.accepted()).hasSize(5);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void aBrokenKeptConnectionIsReplacedOnceBeforeTheMessageCountsAsFailed() {
        server = new ScriptedSmtpServer(Mode.DROP_AFTER_EACH_MESSAGE);
        MailModule mail = module(Duration.ofSeconds(5));
        List<String> ids = IntStream.range(0, 3).mapToObj(i -> mail.mailer().send(Message.plain(
                "r" + i + "@example.org", "s", "b"))).toList();

        assertThat(mail.deliverNow()).contains(3);

        assertThat(server.accepted()).hasSize(3);
        assertThat(server.connections()).isEqualTo(3);
        assertThat(ids).allSatisfy(id -> assertThat(mail.find(id).orElseThrow().attempts()).isEqualTo(1));
    }

    @Test
    void aKeptConnectionTheServerClosesWith421IsReplacedOnce() {
        server = new ScriptedSmtpServer(Mode.ANSWER).reply(Command.MAIL, "250 OK")
                .reply(Command.MAIL, "421 4.7.0 too many messages on this connection");
        MailModule mail = module(Duration.ofSeconds(5));
        List<String> ids = IntStream.range(0, 2).mapToObj(i -> mail.mailer().send(Message.plain(
                "r" + i + "@example.org", "s", "b"))).toList();

        assertThat(mail.deliverNow()).contains(2);

        assertThat(server.connections()).isEqualTo(2);
        assertThat(ids).allSatisfy(id -> assertThat(mail.find(id).orElseThrow().attempts()).isEqualTo(1));
    }

    @Test
    void aFreshConnectionIsNotTriedTwice() {
        server = new ScriptedSmtpServer(Mode.ANSWER).reply(Command.MAIL, "421 4.7.0 closing");
        MailModule mail = module(Duration.ofSeconds(5));
        String id = mail.mailer().send(Message.plain("ada@example.org", "s", "b"));

        mail.deliverNow();

        assertThat(server.connections()).isEqualTo(1);
        assertThat(mail.find(id).orElseThrow().state()).isEqualTo(State.RETRY);
        assertThat(mail.find(id).orElseThrow().lastError()).contains("421 4.7.0 closing");
    }

    private String digest(MailModule mail, String recipient) {
        return new JdbiOutboxStore(database()).addRendered("digest", recipient, "payload of " + recipient, null,
                clock.instant()).orElseThrow();
    }

    private MailModule module(Duration timeout) {
        MailSettings settings = new MailSettings(Optional.of("127.0.0.1"), server.port(), MailSettings.Security.NONE,
                Optional.empty(), Optional.empty(), FROM, timeout, Path.of("unused"));
        MailModule mail = new MailModule(settings, new JdbiOutboxStore(database()),
                new JdbiTransactions(database(), clock).view(StoreTx::outbox), new JdbiRateLimitStore(database()),
                clock, jobs);
        mail.register("digest", new MailKind() {
            @Override
            public Optional<Message> render(String id, String payload) {
                return Optional.of(Message.plain(payload.substring("payload of ".length()), "Your digest", "b"));
            }

            @Override
            public void undeliverable(String recipient, String payload, String reason) {
                undeliverable.add(List.of(recipient, payload, reason));
            }
        });
        return mail;
    }
}
