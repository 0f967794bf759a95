package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.mail.Mailer;
import dailypapers.mail.Message;
import dailypapers.mail.OutboxStore;
import dailypapers.mail.OutboxStore.Outgoing;
import dailypapers.mail.OutboxStore.Queued;
import dailypapers.mail.OutboxStore.State;
import dailypapers.paper.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link OutboxStore} must do; run against SQLite and PostgreSQL. */
abstract class OutboxStoreContract extends DatabaseContract {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    private JdbiOutboxStore store;
    private Transactions<OutboxStore> outbox;

    protected OutboxStoreContract(TestDatabase kind) {
        super(kind);
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

        assertThat(store.due(T0, 10)).containsExactly(new Queued(id, message, 0));
        assertThat(store.due(T0.minusMillis(1), 10)).isEmpty();
        assertThat(store.find(id)).contains(new Outgoing(id, message, State.QUEUED, 0, Optional.empty(), T0));
        assertThat(store.find("no-such-id")).isEmpty();
    }

    @Test
    void dueMessagesComeOldestFirstUpToTheLimit() {
        String first = store.add(plain("a"), T0);
        String second = store.add(plain("b"), T0.plusMillis(500));
        String third = store.add(plain("c"), T0.plusSeconds(1));

        assertThat(store.due(T0.plusSeconds(2), 10)).extracting(Queued::id).containsExactly(first, second, third);
        assertThat(store.due(T0.plusSeconds(2), 2)).extracting(Queued::id).containsExactly(first, second);
        assertThat(store.due(T0.plusMillis(999), 10)).extracting(Queued::id).containsExactly(first, second);
    }

    @Test
    void aClaimedMessageIsNoLongerDueAndCannotBeClaimedTwice() {
        String id = store.add(plain("a"), T0);

        assertThat(store.claim(id, T0)).isTrue();
        assertThat(store.claim(id, T0)).isFalse();
        assertThat(store.due(T0.plusSeconds(60), 10)).isEmpty();
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(State.SENDING);
        assertThat(store.find(id).orElseThrow().attempts()).isEqualTo(1);

        store.markSent(id, T0);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(State.SENT);
        assertThat(store.due(T0.plusSeconds(60), 10)).isEmpty();
    }

    @Test
    void aRetriedMessageIsDueAgainAtItsTimeWithItsError() {
        String id = store.add(plain("a"), T0);
        store.claim(id, T0);
        store.retry(id, "connection refused", T0.plus(Duration.ofMinutes(1)), T0);

        assertThat(store.due(T0.plusSeconds(59), 10)).isEmpty();
        assertThat(store.due(T0.plusSeconds(60), 10)).extracting(Queued::attempts).containsExactly(1);
        Outgoing outgoing = store.find(id).orElseThrow();
        assertThat(outgoing.state()).isEqualTo(State.QUEUED);
        assertThat(outgoing.lastError()).contains("connection refused");
    }

    @Test
    void aFailedMessageStaysWithItsErrorAndIsNeverDue() {
        String id = store.add(plain("a"), T0);
        store.claim(id, T0);
        store.markFailed(id, "550 no such user", T0);

        assertThat(store.due(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
        assertThat(store.find(id).orElseThrow().lastError()).contains("550 no such user");
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(State.FAILED);
    }

    @Test
    void messagesLeftSendingAreFailedAndOthersAreLeftAlone() {
        String sending = store.add(plain("a"), T0);
        String queued = store.add(plain("b"), T0);
        store.claim(sending, T0);

        assertThat(store.failInterrupted("interrupted", T0)).isEqualTo(1);

        assertThat(store.find(sending).orElseThrow().state()).isEqualTo(State.FAILED);
        assertThat(store.find(sending).orElseThrow().lastError()).contains("interrupted");
        assertThat(store.find(queued).orElseThrow().state()).isEqualTo(State.QUEUED);
    }

    @Test
    void aMessageAddedInATransactionExistsOnlyIfItCommits() {
        assertThatThrownBy(() -> outbox.run(tx -> {
            tx.add(plain("rolled back"), T0);
            throw new IllegalStateException("the caller's change failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.due(T0, 10)).isEmpty();

        String id = outbox.inTransaction(tx -> tx.add(plain("committed"), T0));
        assertThat(store.due(T0, 10)).extracting(Queued::id).containsExactly(id);
    }

    @Test
    void aMailerCalledInsideTheCallersTransactionJoinsIt() {
        JdbiTransactions transactions = new JdbiTransactions(database(), Clock.fixed(T0, ZoneOffset.UTC));
        Mailer mailer = new Mailer(transactions.view(StoreTx::outbox), Clock.fixed(T0, ZoneOffset.UTC));

        assertThatThrownBy(() -> transactions.run(tx -> {
            mailer.send(plain("about a change that fails"));
            throw new IllegalStateException("the change failed after the mail was queued");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.due(T0, 10)).isEmpty();
    }

    private static Message plain(String subject) {
        return Message.plain("ada@example.org", subject, "body");
    }
}
