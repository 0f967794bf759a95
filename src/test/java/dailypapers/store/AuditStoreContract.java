package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.account.AccountStore;
import dailypapers.account.DisplayName;
import dailypapers.account.Email;
import dailypapers.account.Handle;
import dailypapers.account.Member;
import dailypapers.account.Role;
import dailypapers.moderation.AuditEntry;
import dailypapers.moderation.AuditLog;
import dailypapers.moderation.AuditStore;
import dailypapers.paper.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the audit log's store must do; run against SQLite and PostgreSQL. */
abstract class AuditStoreContract extends DatabaseContract {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    private AuditLog log;
    private Transactions<AuditStore> audit;
    private Member moderator;

    protected AuditStoreContract(TestDatabase kind) {
        super(kind);
    }

    @BeforeEach
    void open() {
        log = new AuditLog(new JdbiAuditStore(database()), CLOCK);
        audit = new JdbiTransactions(database(), CLOCK).view(StoreTx::audit);
        moderator = new JdbiAccountStore(database()).create(new AccountStore.NewMember(new Email("mod@example.org"),
                new Handle("mod-one"), new DisplayName("mod-one"), Role.MODERATOR, "hash", CLOCK.instant(),
                Optional.of(CLOCK.instant())));
    }

    @Test
    void entriesComeBackNewestFirstWithTheirReasons() {
        AuditEntry first = log.record(moderator.id(), "hide-comment", "comment", "12", "spam");
        AuditEntry second = log.record(moderator.id(), "ban-member", "member", "7", " ");

        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(log.recent(0, 10)).containsExactly(second, first);
        assertThat(second.reason()).isEmpty();
        assertThat(first).isEqualTo(new AuditEntry(first.id(), CLOCK.instant(), moderator.id(), "hide-comment",
                "comment", "12", Optional.of("spam")));
        assertThat(log.recent(1, 10)).containsExactly(first);
    }

    @Test
    void anEntryWrittenInATransactionThatFailsIsNotKept() {
        assertThatThrownBy(() -> audit.run(store -> {
            log.record(store, moderator.id(), "hide-paper", "paper", "2101.00001", "off topic");
            throw new IllegalStateException("the action failed");
        })).hasMessage("the action failed");
        assertThat(log.recent(0, 10)).isEmpty();

        audit.run(store -> log.record(store, moderator.id(), "hide-paper", "paper", "2101.00001", "off topic"));
        assertThat(log.recent(0, 10)).extracting(AuditEntry::action).containsExactly("hide-paper");
    }
}
