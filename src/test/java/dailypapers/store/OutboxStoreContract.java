package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.TestDatabases;
import dailypapers.mail.Mailer;
import dailypapers.mail.Message;
import dailypapers.mail.OutboxStore;
import dailypapers.mail.OutboxStore.Failure;
import dailypapers.mail.OutboxStore.Outgoing;
import dailypapers.mail.OutboxStore.Queued;
import dailypapers.mail.OutboxStore.State;
import dailypapers.paper.Transactions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link OutboxStore} must do; run against SQLite and PostgreSQL. */
abstract class OutboxStoreContract extends DatabaseContract {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    private static final Set<String> MESSAGES = Set.of(OutboxStore.MESSAGE);
    private static final Set<String> ALL_KINDS = Set.of(OutboxStore.MESSAGE, "digest");

    private final TestDatabase kind;
    private JdbiOutboxStore store;
    private Transactions<OutboxStore> outbox;

    protected OutboxStoreContract(TestDatabase kind) {
        super(kind);
        this.kind = kind;
    }

    @BeforeEach
    void open() {
        store = new JdbiOutboxStore(database());
        outbox = new JdbiTransactions(database(), Clock.fixed(T0, ZoneOffset.UTC)).view(StoreTx::outbox);
    }

    @Test
    void anAddedMessageIsDueAtOnceAndReadBackWhole() {
        Message message = new Message("ada@example.org", "Digest — Grüße", "plain\n", Optional.of("<p>html</p>"));
        String id = store.add(message, T0);

        assertThat(store.due(T0, MESSAGES, 10)).containsExactly(queued(id, message, 0));
        assertThat(store.due(T0.minusMillis(1), MESSAGES, 10)).isEmpty();
        assertThat(store.find(id)).contains(new Outgoing(id, OutboxStore.MESSAGE, "ada@example.org",
                Optional.of(message), State.PENDING, 0, Optional.empty(), T0));
        assertThat(store.find("no-such-id")).isEmpty();
    }

    @Test
    void extraHeadersAreStoredInTheirOrder() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<https://papers.example.org/u/abc>, <mailto:unsubscribe@example.org>");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("List-Id", "Daily Papers digest <digest.papers.example.org>");
        Message message = Message.plain("ada@example.org", "s", "b").withHeaders(headers);

        Message read = store.find(store.add(message, T0)).orElseThrow().message().orElseThrow();

        assertThat(read).isEqualTo(message);
        assertThat(read.headers().keySet()).containsExactly("List-Unsubscribe", "List-Unsubscribe-Post", "List-Id");
    }

    @Test
    void dueMessagesComeOldestFirstUpToTheLimit() {
        String first = store.add(plain("a"), T0);
        String second = store.add(plain("b"), T0.plusMillis(500));
        String third = store.add(plain("c"), T0.plusSeconds(1));

        assertThat(store.due(T0.plusSeconds(2), MESSAGES, 10)).extracting(Queued::id)
                .containsExactly(first, second, third);
        assertThat(store.due(T0.plusSeconds(2), MESSAGES, 2)).extracting(Queued::id).containsExactly(first, second);
        assertThat(store.due(T0.plusMillis(999), MESSAGES, 10)).extracting(Queued::id)
                .containsExactly(first, second);
    }

    @Test
    void aRenderedRowIsDueWithItsKindAndPayloadAndNoMessage() {
        String id = store.addRendered("digest", "ada@example.org", "{\"issue\":7}", "digest:1:2026-11-30", T0)
                .orElseThrow();

        assertThat(store.due(T0, ALL_KINDS, 10)).containsExactly(new Queued(id, "digest", "ada@example.org",
                Optional.empty(), Optional.of("{\"issue\":7}"), 0));
        assertThat(store.due(T0, MESSAGES, 10)).as("only the kinds asked for").isEmpty();
        assertThat(store.due(T0, Set.of(), 10)).isEmpty();
        assertThat(store.dueByKind(T0)).containsExactly(Map.entry("digest", 1L));
        assertThat(store.find(id).orElseThrow().message()).isEmpty();
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(State.PENDING);
    }

    @Test
    void aSecondRowWithTheSameDedupeKeyIsNeverAdded() {
        Optional<String> first = store.addRendered("digest", "ada@example.org", "a", "digest:1:2026-11-30", T0);
        Optional<String> again = store.addRendered("digest", "ada@example.org", "b", "digest:1:2026-11-30", T0);
        Optional<String> withoutKeyOne = store.addRendered("digest", "ada@example.org", "c", null, T0);
        Optional<String> withoutKeyTwo = store.addRendered("digest", "ada@example.org", "d", null, T0);

        assertThat(first).isPresent();
        assertThat(again).isEmpty();
        assertThat(withoutKeyOne).isPresent();
        assertThat(withoutKeyTwo).isPresent();
        assertThat(store.due(T0, ALL_KINDS, 10)).extracting(q -> q.payload().orElseThrow())
                .containsExactlyInAnyOrder("a", "c", "d");
    }

    @Test
    void aRefusedDuplicateLeavesTheCallersTransactionUsable() {
        store.addRendered("digest", "ada@example.org", "first", "digest:1", T0);

        String other = outbox.inTransaction(tx -> {
            assertThat(tx.addRendered("digest", "ada@example.org", "again", "digest:1", T0)).isEmpty();
            return tx.addRendered("digest", "bob@example.org", "other", "digest:2", T0).orElseThrow();
        });

        assertThat(store.find(other)).isPresent();
        assertThatThrownBy(() -> outbox.run(tx -> {
            tx.addRendered("digest", "cy@example.org", "rolled back", "digest:3", T0);
            throw new IllegalStateException("the digest's own change failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.addRendered("digest", "cy@example.org", "later", "digest:3", T0))
                .as("a rolled-back row holds no key").isPresent();
    }

    @Test
    void aRenderedRowNeedsAKindOfItsOwn() {
        assertThatThrownBy(() -> store.addRendered(OutboxStore.MESSAGE, "ada@example.org", "p", null, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.addRendered(" ", "ada@example.org", "p", null, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClaimedMessageIsNoLongerDueAndCannotBeClaimedTwice() {
        String id = store.add(plain("a"), T0);

        assertThat(store.claim(id, T0)).isTrue();
        assertThat(store.claim(id, T0)).isFalse();
        assertThat(store.due(T0.plusSeconds(60), MESSAGES, 10)).isEmpty();
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(State.SENDING);
        assertThat(store.find(id).orElseThrow().attempts()).isEqualTo(1);

        store.markSent(id, T0);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(State.SENT);
        assertThat(store.due(T0.plusSeconds(60), MESSAGES, 10)).isEmpty();
    }

    @Test
    void aRetriedMessageIsDueAgainAtItsTimeWithItsError() {
        String id = store.add(plain("a"), T0);
        store.claim(id, T0);
        store.retry(id, "451 4.3.0 try again later", T0.plus(Duration.ofMinutes(1)), T0);

        assertThat(store.due(T0.plusSeconds(59), MESSAGES, 10)).isEmpty();
        assertThat(store.due(T0.plusSeconds(60), MESSAGES, 10)).extracting(Queued::attempts).containsExactly(1);
        Outgoing outgoing = store.find(id).orElseThrow();
        assertThat(outgoing.state()).isEqualTo(State.RETRY);
        assertThat(outgoing.lastError()).contains("451 4.3.0 try again later");
        assertThat(store.claim(id, T0.plusSeconds(60))).as("a retry row can be claimed").isTrue();
        assertThat(store.find(id).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void failedAndCancelledRowsStayAndAreNeverDue() {
        String failed = store.add(plain("a"), T0);
        store.claim(failed, T0);
        store.markFailed(failed, "550 5.1.1 mailbox unavailable", T0);
        String cancelled = store.addRendered("digest", "bob@example.org", "p", null, T0).orElseThrow();
        store.claim(cancelled, T0);
        store.cancel(cancelled, T0);

        assertThat(store.due(T0.plus(Duration.ofDays(1)), ALL_KINDS, 10)).isEmpty();
        assertThat(store.find(failed).orElseThrow().lastError()).contains("550 5.1.1 mailbox unavailable");
        assertThat(store.find(failed).orElseThrow().state()).isEqualTo(State.FAILED);
        assertThat(store.find(cancelled).orElseThrow().state()).isEqualTo(State.CANCELLED);
    }

    @Test
    void aPostponedRowWaitsWithoutAnAttemptAndASendingOneIsNotMoved() {
        String pending = store.add(plain("a"), T0);
        String sending = store.add(plain("b"), T0);
        store.claim(sending, T0);
        Instant nextMinute = T0.plus(Duration.ofMinutes(1));

        store.postpone(List.of(pending, sending), nextMinute, T0);

        assertThat(store.due(nextMinute.minusMillis(1), MESSAGES, 10)).isEmpty();
        assertThat(store.due(nextMinute, MESSAGES, 10)).containsExactly(queued(pending, plain("a"), 0));
        assertThat(store.find(sending).orElseThrow().nextAttemptAt()).isEqualTo(T0);
        store.postpone(List.of(), nextMinute, T0);
    }

    @Test
    void rowsLeftSendingGoBackToRetryDueAtOnceAndOthersAreLeftAlone() {
        String sending = store.add(plain("a"), T0);
        String pending = store.add(plain("b"), T0);
        store.claim(sending, T0);
        Instant restart = T0.plus(Duration.ofMinutes(5));

        assertThat(store.resumeInterrupted(restart)).isEqualTo(1);

        Outgoing resumed = store.find(sending).orElseThrow();
        assertThat(resumed.state()).isEqualTo(State.RETRY);
        assertThat(resumed.attempts()).as("the interrupted attempt counts").isEqualTo(1);
        assertThat(resumed.nextAttemptAt()).isEqualTo(restart);
        assertThat(store.due(restart, MESSAGES, 10)).extracting(Queued::id).containsExactly(pending, sending);
        assertThat(store.find(pending).orElseThrow().state()).isEqualTo(State.PENDING);
    }

    @Test
    void countsByStateNameEveryStateForOneKind() {
        String sent = store.addRendered("digest", "a@example.org", "p", null, T0).orElseThrow();
        store.claim(sent, T0);
        store.markSent(sent, T0);
        store.addRendered("digest", "b@example.org", "p", null, T0);
        store.addRendered("digest", "c@example.org", "p", null, T0);
        store.add(plain("not a digest"), T0);

        assertThat(store.countsByState("digest")).containsExactlyInAnyOrderEntriesOf(Map.of(State.PENDING, 2L,
                State.SENDING, 0L, State.SENT, 1L, State.RETRY, 0L, State.FAILED, 0L, State.CANCELLED, 0L));
        assertThat(store.countsByState("none").values()).containsOnly(0L);
    }

    @Test
    void recentFailuresComeNewestFirstForOneKind() {
        String older = failedDigest("old@example.org", "550 5.1.1 no such user", T0);
        String newer = failedDigest("new@example.org", "552 5.2.2 mailbox full", T0.plusSeconds(5));
        String third = failedDigest("third@example.org", "550 5.7.1 rejected", T0.plusSeconds(1));
        String message = store.add(plain("a"), T0);
        store.claim(message, T0);
        store.markFailed(message, "not a digest", T0.plusSeconds(9));

        assertThat(store.recentFailures("digest", 2)).containsExactly(
                new Failure(newer, "new@example.org", "552 5.2.2 mailbox full", T0.plusSeconds(5)),
                new Failure(third, "third@example.org", "550 5.7.1 rejected", T0.plusSeconds(1)));
        assertThat(store.recentFailures("digest", 10)).extracting(Failure::id).endsWith(older).hasSize(3);
    }

    @Test
    void aMessageAddedInATransactionExistsOnlyIfItCommits() {
        assertThatThrownBy(() -> outbox.run(tx -> {
            tx.add(plain("rolled back"), T0);
            throw new IllegalStateException("the caller's change failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.due(T0, MESSAGES, 10)).isEmpty();

        String id = outbox.inTransaction(tx -> tx.add(plain("committed"), T0));
        assertThat(store.due(T0, MESSAGES, 10)).extracting(Queued::id).containsExactly(id);
    }

    @Test
    void aMailerCalledInsideTheCallersTransactionJoinsIt() {
        JdbiTransactions transactions = new JdbiTransactions(database(), Clock.fixed(T0, ZoneOffset.UTC));
        Mailer mailer = new Mailer(transactions.view(StoreTx::outbox), Clock.fixed(T0, ZoneOffset.UTC));

        assertThatThrownBy(() -> transactions.run(tx -> {
            mailer.send(plain("about a change that fails"));
            throw new IllegalStateException("the change failed after the mail was queued");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.due(T0, MESSAGES, 10)).isEmpty();
    }

    @Test
    void v24TurnsQueuedRowsIntoPendingOrRetryMessagesAndKeepsTheOthers() {
        var config = kind.open();
        try {
            try (var handle = Jdbi.create(TestDatabases.migratedTo(config, "23")).open()) {
                String insert = """
                        INSERT INTO mail_outbox (id, recipient, subject, text_body, html_body, state, attempts,
                            last_error, created_at, next_attempt_at, updated_at)
                        VALUES (?, 'ada@example.org', ?, 'body', NULL, ?, ?, ?, '2026-11-30T12:00:00.000Z',
                            '2026-11-30T12:00:00.000Z', '2026-11-30T12:00:00.000Z')""";
                handle.execute(insert, "fresh", "never tried", "queued", 0, null);
                handle.execute(insert, "tried", "tried once", "queued", 1, "421 busy");
                handle.execute(insert, "done", "sent", "sent", 1, null);
                handle.execute(insert, "gone", "failed", "failed", 8, "refused");
            }
            try (var migrated = Database.open(config, new SimpleMeterRegistry())) {
                JdbiOutboxStore old = new JdbiOutboxStore(migrated);

                assertThat(old.find("fresh").orElseThrow()).isEqualTo(new Outgoing("fresh", OutboxStore.MESSAGE,
                        "ada@example.org", Optional.of(Message.plain("ada@example.org", "never tried", "body")),
                        State.PENDING, 0, Optional.empty(), T0));
                assertThat(old.find("tried").orElseThrow().state()).isEqualTo(State.RETRY);
                assertThat(old.find("tried").orElseThrow().lastError()).contains("421 busy");
                assertThat(old.find("done").orElseThrow().state()).isEqualTo(State.SENT);
                assertThat(old.find("gone").orElseThrow().state()).isEqualTo(State.FAILED);
                assertThat(old.due(T0, MESSAGES, 10)).extracting(Queued::id).containsExactly("fresh", "tried");
                assertThat(old.addRendered("digest", "ada@example.org", "p", "k", T0)).isPresent();
                assertThat(old.addRendered("digest", "ada@example.org", "p", "k", T0)).isEmpty();
            }
        } finally {
            kind.drop(config);
        }
    }

    private String failedDigest(String recipient, String error, Instant at) {
        String id = store.addRendered("digest", recipient, "p", null, T0).orElseThrow();
        store.claim(id, at);
        store.markFailed(id, error, at);
        return id;
    }

    private static Queued queued(String id, Message message, int attempts) {
        return new Queued(id, OutboxStore.MESSAGE, message.to(), Optional.of(message), Optional.empty(), attempts);
    }

    private static Message plain(String subject) {
        return Message.plain("ada@example.org", subject, "body");
    }
}
