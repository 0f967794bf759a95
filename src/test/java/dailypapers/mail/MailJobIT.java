package dailypapers.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.TestPorts;
import dailypapers.ingest.TestClock;
import dailypapers.job.JobScheduler;
import dailypapers.mail.OutboxStore.Outgoing;
import dailypapers.mail.OutboxStore.State;
import dailypapers.store.JdbiOutboxStore;
import dailypapers.store.JdbiRateLimitStore;
import dailypapers.store.JdbiTransactions;
import dailypapers.store.StoreTx;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
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
    void theExtraHeadersArriveAsGiven() throws Exception {
        MailModule mail = module(smtp(server.getSmtp().getPort()));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<https://papers.example.org/digest/unsubscribe?t=abc>");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("List-Id", "Daily Papers digest <digest.papers.example.org>");
        headers.put("Auto-Submitted", "auto-generated");
        headers.put("Precedence", "bulk");
        mail.mailer().send(Message.plain("ada@example.org", "Your digest", "papers\n").withHeaders(headers));

        mail.deliverNow();

        MimeMessage received = server.getReceivedMessages()[0];
        for (var header : headers.entrySet()) {
            assertThat(received.getHeader(header.getKey(), null)).as(header.getKey()).isEqualTo(header.getValue());
        }
    }

    @Test
    void aRefusingServerIsRetriedWithBackoffThenTheMessageFailsWithTheError() throws Exception {
        MailModule mail = module(smtp(TestPorts.free()));
        String id = mail.mailer().send(Message.plain("ada@example.org", "s", "b"));

        for (int attempt = 1; attempt < MailJob.MAX_ATTEMPTS; attempt++) {
            assertThat(mail.deliverNow()).contains(0);
            Outgoing outgoing = mail.find(id).orElseThrow();
            assertThat(outgoing.state()).isEqualTo(State.RETRY);
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
        assertThat(failed.lastError()).hasValueSatisfying(e -> assertThat(e).contains("127.0.0.1")
                .doesNotContain("\n", "Exception", "at jakarta"));
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
    void aMessageInterruptedAfterTheHandOverIsSentAgainWithTheSameMessageId() throws Exception {
        MailSettings settings = smtp(server.getSmtp().getPort());
        Mailer mailer = new Mailer(new JdbiTransactions(database(), clock).view(StoreTx::outbox), clock);
        String crashed = mailer.send(Message.plain("ada@example.org", "crashed", "b"));
        clock.advance(Duration.ofMillis(1));
        String next = mailer.send(Message.plain("bob@example.org", "next", "b"));
        SmtpTransport smtp = new SmtpTransport(settings, MailSettings.fromAddress(FROM));
        MailTransport diesAfterHandingOver = new MailTransport() {
            @Override
            public void deliver(String id, Message message) throws MailException {
                smtp.deliver(id, message);
                throw new ProcessDied();
            }

            @Override
            public String describe() {
                return "a process that dies after the server accepted";
            }
        };
        assertThatThrownBy(() -> job(diesAfterHandingOver).deliver())
                .isInstanceOf(ProcessDied.class);
        smtp.disconnect();
        assertThat(store.find(crashed).orElseThrow().state()).isEqualTo(State.SENDING);
        assertThat(store.find(next).orElseThrow().state()).as("not lost").isEqualTo(State.PENDING);

        clock.advance(Duration.ofMinutes(1));
        MailModule restarted = module(settings);
        assertThat(restarted.deliverNow()).contains(2);

        assertThat(Stream.of(server.getReceivedMessages()).map(MailJobIT::subject)).containsExactly("crashed",
                "crashed", "next");
        MimeMessage[] received = server.getReceivedMessages();
        assertThat(received[1].getMessageID()).isEqualTo(received[0].getMessageID())
                .isEqualTo("<" + crashed + "@example.org>");
        Outgoing resent = restarted.find(crashed).orElseThrow();
        assertThat(resent.state()).isEqualTo(State.SENT);
        assertThat(resent.attempts()).isEqualTo(2);
        assertThat(restarted.find(next).orElseThrow().state()).isEqualTo(State.SENT);
    }

    @Test
    void aTransportThatThrowsUnexpectedlyLeavesTheRowToRetryNotSending() {
        Mailer mailer = new Mailer(new JdbiTransactions(database(), clock).view(StoreTx::outbox), clock);
        String id = mailer.send(Message.plain("ada@example.org", "s", "b"));
        MailTransport broken = new MailTransport() {
            @Override
            public void deliver(String rowId, Message message) {
                throw new IllegalStateException("a bug in the transport");
            }

            @Override
            public String describe() {
                return "a transport with a bug";
            }
        };

        assertThat(job(broken).deliver()).isZero();

        Outgoing retry = store.find(id).orElseThrow();
        assertThat(retry.state()).isEqualTo(State.RETRY);
        assertThat(retry.lastError()).contains("unexpected failure: a bug in the transport");
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
        job[0] = job(stopsTheJob);

        assertThat(job[0].deliver()).isEqualTo(1);

        assertThat(Stream.of(first, second).map(id -> store.find(id).orElseThrow().state()))
                .containsExactlyInAnyOrder(State.SENT, State.PENDING);
    }

    @Test
    void aRunTakesBatchAfterBatchUntilNoneIsDue() {
        MailModule mail = module(smtp(server.getSmtp().getPort()));
        int count = MailJob.BATCH_SIZE + 7;
        IntStream.range(0, count).forEach(i -> mail.mailer().send(Message.plain("r@" + i + ".example.org",
                "m" + i, "b")));

        assertThat(mail.deliverNow()).contains(count);

        assertThat(server.getReceivedMessages()).hasSize(count);
        assertThat(mail.counts(OutboxStore.MESSAGE)).containsEntry(State.SENT, (long) count);
    }

    @Test
    void aRenderedRowIsRenderedWhenSentAndCancelledWhenNoLongerWanted() throws Exception {
        MailModule mail = module(smtp(server.getSmtp().getPort()));
        List<String> rendered = new ArrayList<>();
        mail.register("digest", (id, payload) -> {
            rendered.add(payload);
            return payload.equals("left") ? Optional.empty()
                    : Optional.of(Message.plain(payload + "@example.org", "Digest for " + payload, "papers"));
        });
        JdbiTransactions transactions = new JdbiTransactions(database(), clock);
        String wanted = transactions.inTransaction(tx -> tx.outbox().addRendered("digest", "ada@example.org", "ada",
                "digest:ada:1", clock.instant())).orElseThrow();
        clock.advance(Duration.ofMillis(1));
        String left = store.addRendered("digest", "left@example.org", "left", "digest:left:1", clock.instant())
                .orElseThrow();
        assertThat(rendered).as("nothing is rendered when a row is added").isEmpty();

        assertThat(mail.deliverNow()).contains(1);

        assertThat(rendered).containsExactly("ada", "left");
        assertThat(server.getReceivedMessages()).extracting(MailJobIT::subject).containsExactly("Digest for ada");
        assertThat(server.getReceivedMessages()[0].getMessageID()).isEqualTo("<" + wanted + "@example.org>");
        assertThat(mail.find(wanted).orElseThrow().state()).isEqualTo(State.SENT);
        assertThat(mail.find(left).orElseThrow().state()).isEqualTo(State.CANCELLED);
        assertThat(mail.counts("digest")).containsEntry(State.SENT, 1L).containsEntry(State.CANCELLED, 1L);
    }

    @Test
    void aRowOfAnUnregisteredKindWaitsPendingUntilItsKindIsRegistered() {
        MailModule mail = module(smtp(server.getSmtp().getPort()));
        String id = store.addRendered("digest", "ada@example.org", "ada", null, clock.instant()).orElseThrow();

        assertThat(mail.deliverNow()).contains(0);
        assertThat(mail.find(id).orElseThrow().state()).isEqualTo(State.PENDING);
        assertThat(mail.find(id).orElseThrow().attempts()).isZero();

        mail.register("digest", (rowId, payload) -> Optional.of(Message.plain("ada@example.org", "late", "b")));
        assertThat(mail.deliverNow()).contains(1);
        assertThatThrownBy(() -> mail.register("digest", (rowId, payload) -> Optional.empty()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> mail.register(OutboxStore.MESSAGE, (rowId, payload) -> Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRenderThatThrowsIsRetriedWithBackoff() {
        MailModule mail = module(smtp(server.getSmtp().getPort()));
        boolean[] broken = {true};
        mail.register("digest", (id, payload) -> {
            if (broken[0]) {
                throw new IllegalStateException("the paper store is unreachable");
            }
            return Optional.of(Message.plain("ada@example.org", "digest", "b"));
        });
        String id = store.addRendered("digest", "ada@example.org", "p", null, clock.instant()).orElseThrow();

        mail.deliverNow();

        Outgoing retried = mail.find(id).orElseThrow();
        assertThat(retried.state()).isEqualTo(State.RETRY);
        assertThat(retried.lastError()).contains("cannot render: the paper store is unreachable");
        assertThat(retried.nextAttemptAt()).isEqualTo(clock.instant().plus(MailJob.backoff(1)));
        broken[0] = false;
        clock.advance(MailJob.backoff(1));
        assertThat(mail.deliverNow()).contains(1);
    }

    @Test
    void aDomainOverItsShareOfTheMinuteWaitsForTheNextWithoutAnAttempt() {
        MailModule mail = module(smtp(server.getSmtp().getPort(), 2));
        List<String> ids = new ArrayList<>();
        for (String to : List.of("a@busy.example", "b@BUSY.example", "c@busy.example", "d@quiet.example")) {
            ids.add(mail.mailer().send(Message.plain(to, to, "b")));
            clock.advance(Duration.ofMillis(1));
        }
        String first = ids.get(0);
        String second = ids.get(1);
        String third = ids.get(2);
        String elsewhere = ids.get(3);
        clock.advance(Duration.ofSeconds(30));

        assertThat(mail.deliverNow()).contains(3);

        assertThat(Stream.of(first, second, elsewhere).map(id -> mail.find(id).orElseThrow().state()))
                .containsOnly(State.SENT);
        Outgoing waiting = mail.find(third).orElseThrow();
        assertThat(waiting.state()).isEqualTo(State.PENDING);
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.nextAttemptAt()).isEqualTo(Instant.parse("2026-11-30T12:01:00Z"));
        clock.advance(Duration.ofSeconds(29));
        assertThat(mail.deliverNow()).contains(0);
        clock.advance(Duration.ofSeconds(1));
        assertThat(mail.deliverNow()).contains(1);
        assertThat(mail.find(third).orElseThrow().attempts()).isEqualTo(1);
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
        assertThat(here.find(id).orElseThrow().state()).isEqualTo(State.PENDING);
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

    /** What a process that dies looks like to the code it was running: nothing catches it. */
    private static final class ProcessDied extends Error {
    }

    private MailJob job(MailTransport transport) {
        return new MailJob(store, transport, clock, new DomainRate(new JdbiRateLimitStore(database()), 100));
    }

    private MailModule module(MailSettings settings) {
        return new MailModule(settings, store, new JdbiTransactions(database(), clock).view(StoreTx::outbox),
                new JdbiRateLimitStore(database()), clock, jobs);
    }

    private MailSettings smtp(int port) {
        return smtp(port, MailSettings.DEFAULT_PER_DOMAIN_PER_MINUTE);
    }

    private MailSettings smtp(int port, int perDomainPerMinute) {
        return new MailSettings(Optional.of("127.0.0.1"), port, MailSettings.Security.NONE, Optional.empty(),
                Optional.empty(), FROM, Duration.ofSeconds(5), dir.resolve("unused"), perDomainPerMinute);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
