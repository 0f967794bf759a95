package dailypapers.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.ingest.TestClock;
import dailypapers.job.JobScheduler;
import dailypapers.mail.OutboxStore.Outgoing;
import dailypapers.mail.OutboxStore.State;
import dailypapers.store.JdbiOutboxStore;
import dailypapers.store.JdbiTransactions;
import dailypapers.store.StoreTx;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox, the mail job and its lease, with GreenMail as the SMTP server. */
class MailJobIT extends DatabaseContract {

    private static final String FROM = "Daily Papers <papers@example.org>";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-30T12:00:00Z"));
    private GreenMail server;
    private JobScheduler jobs;
    private JdbiOutboxStore store;

    MailJobIT() {
        super(TestDatabase.SQLITE);
    }

    @BeforeEach
    void start() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        jobs = new JobScheduler(database().leases(), JobScheduler.DEFAULT_LEASE);
        store = new JdbiOutboxStore(database());
    }

    @AfterEach
    void stop() {
        jobs.close();
        server.stop();
    }

    @Test
    void aQueuedMessageIsSentByTheJobOnceAndMarkedSent() throws Exception {
        MailModule mail = module(smtp(server.getSmtp().getPort()));
        String id = mail.mailer().send(Message.plain("ada@example.org", "Verify your email", "link\n"));
        assertThat(server.getReceivedMessages()).as("send only queues").isEmpty();

        assertThat(jobs.runNow(MailModule.JOB)).isEqualTo(JobScheduler.Outcome.RAN);
        assertThat(mail.deliverNow()).contains(0);

        assertThat(server.getReceivedMessages()).hasSize(1);
        assertThat(server.getReceivedMessages()[0].getSubject()).isEqualTo("Verify your email");
        assertThat(mail.find(id).orElseThrow().state()).isEqualTo(State.SENT);
    }

    @Test
    void aRefusingServerIsRetriedWithBackoffThenTheMessageFailsWithTheError() throws Exception {
        MailModule mail = module(smtp(closedPort()));
        String id = mail.mailer().send(Message.plain("ada@example.org", "s", "b"));

        for (int attempt = 1; attempt < MailJob.MAX_ATTEMPTS; attempt++) {
            assertThat(mail.deliverNow()).contains(0);
            Outgoing outgoing = mail.find(id).orElseThrow();
            assertThat(outgoing.state()).isEqualTo(State.QUEUED);
            assertThat(outgoing.attempts()).isEqualTo(attempt);
            assertThat(outgoing.nextAttemptAt()).isEqualTo(clock.instant().plus(MailJob.backoff(attempt)));
            clock.advance(MailJob.backoff(attempt).minusSeconds(1));
            mail.deliverNow();
            assertThat(mail.find(id).orElseThrow().attempts()).as("not due before its backoff").isEqualTo(attempt);
            clock.advance(Duration.ofSeconds(1));
        }
        mail.deliverNow();

        Outgoing failed = mail.find(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.attempts()).isEqualTo(MailJob.MAX_ATTEMPTS);
        assertThat(failed.lastError()).hasValueSatisfying(e -> assertThat(e).contains("127.0.0.1"));
        clock.advance(Duration.ofDays(1));
        mail.deliverNow();
        assertThat(mail.find(id).orElseThrow().attempts()).isEqualTo(MailJob.MAX_ATTEMPTS);
    }

    @Test
    void backoffDoublesUpToItsCap() {
        assertThat(MailJob.backoff(1)).isEqualTo(MailJob.FIRST_RETRY);
        assertThat(MailJob.backoff(2)).isEqualTo(MailJob.FIRST_RETRY.multipliedBy(2));
        assertThat(MailJob.backoff(30)).isEqualTo(MailJob.MAX_RETRY);
    }

    @Test
    void aMessageLeftSendingByACrashIsFailedNotSentAgain() {
        MailModule mail = module(smtp(server.getSmtp().getPort()));
        String crashed = mail.mailer().send(Message.plain("ada@example.org", "crashed", "b"));
        store.claim(crashed, clock.instant());
        String next = mail.mailer().send(Message.plain("ada@example.org", "next", "b"));

        assertThat(mail.deliverNow()).contains(1);

        assertThat(server.getReceivedMessages()).extracting(m -> m.getSubject()).containsExactly("next");
        assertThat(mail.find(crashed).orElseThrow().state()).isEqualTo(State.FAILED);
        assertThat(mail.find(crashed).orElseThrow().lastError()).contains(MailJob.INTERRUPTED);
        assertThat(mail.find(next).orElseThrow().state()).isEqualTo(State.SENT);
    }

    @Test
    void aStoppedRunEndsAfterTheMessageInHandAndLeavesNoneSending() {
        Mailer mailer = new Mailer(new JdbiTransactions(database(), clock).view(StoreTx::outbox), clock);
        String first = mailer.send(Message.plain("ada@example.org", "first", "b"));
        String second = mailer.send(Message.plain("ada@example.org", "second", "b"));
        MailJob[] job = new MailJob[1];
        MailTransport stopsTheJob = new MailTransport() {
            @Override
            public void deliver(String id, Message message) {
                job[0].stop();
            }

            @Override
            public String describe() {
                return "a transport that asks the job to stop";
            }
        };
        job[0] = new MailJob(store, stopsTheJob, clock);

        assertThat(job[0].deliver()).isEqualTo(1);

        assertThat(Stream.of(first, second).map(id -> store.find(id).orElseThrow().state()))
                .containsExactlyInAnyOrder(State.SENT, State.QUEUED);
    }

    @Test
    void whileAnotherNodeHoldsTheLeaseNothingIsSentHere() {
        MailModule here = module(smtp(server.getSmtp().getPort()));
        String id = here.mailer().send(Message.plain("ada@example.org", "s", "b"));
        try (JobScheduler otherNode = new JobScheduler(database().leases(), JobScheduler.DEFAULT_LEASE)) {
            Optional<Optional<Integer>> inside = otherNode.runExclusive(MailModule.JOB, here::deliverNow);

            assertThat(inside).contains(Optional.empty());
        }
        assertThat(server.getReceivedMessages()).isEmpty();
        assertThat(here.find(id).orElseThrow().state()).isEqualTo(State.QUEUED);
        assertThat(here.deliverNow()).contains(1);
    }

    @Test
    void withoutAnSmtpHostMessagesBecomeEmlFilesUnderTheOutbox() throws Exception {
        Path outbox = dir.resolve("outbox");
        MailModule mail = module(new MailSettings(Optional.empty(), 587, MailSettings.Security.STARTTLS,
                Optional.empty(), Optional.empty(), FROM, Duration.ofSeconds(5), outbox));
        String id = mail.mailer().send(Message.plain("ada@example.org", "Reset your password", "link\n"));

        assertThat(mail.deliverNow()).contains(1);

        assertThat(EmlTransportTest.read(outbox.resolve(id + ".eml")).getSubject())
                .isEqualTo("Reset your password");
        assertThat(mail.transport()).isEqualTo("file " + outbox);
    }

    private MailModule module(MailSettings settings) {
        return new MailModule(settings, store, new JdbiTransactions(database(), clock).view(StoreTx::outbox), clock,
                jobs);
    }

    private MailSettings smtp(int port) {
        return new MailSettings(Optional.of("127.0.0.1"), port, MailSettings.Security.NONE, Optional.empty(),
                Optional.empty(), FROM, Duration.ofSeconds(5), dir.resolve("unused"));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
