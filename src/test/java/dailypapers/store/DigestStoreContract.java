package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.digest.Cadence;
import dailypapers.digest.Digest;
import dailypapers.digest.DigestStore;
import dailypapers.digest.Preferences;
import dailypapers.digest.Topic;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperFixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DigestStore} must do; run against SQLite and PostgreSQL. */
abstract class DigestStoreContract extends DatabaseContract {

    private static final Instant T0 = Instant.parse("2026-11-30T06:00:00Z");
    private static final Preferences DAILY = new Preferences(Cadence.DAILY, ZoneId.of("UTC"),
            List.of(Topic.category("cs.CL")));

    private JdbiDigestStore store;
    private long ada;
    private long alan;
    private final ArxivId p1 = new ArxivId("2611.00001");
    private final ArxivId p2 = new ArxivId("2611.00002");
    private final ArxivId p3 = new ArxivId("2611.00003");

    protected DigestStoreContract(TestDatabase kind) {
        super(kind);
    }

    @BeforeEach
    void open() {
        store = new JdbiDigestStore(database());
        JdbiSubscriptionStore subscriptions = new JdbiSubscriptionStore(database());
        ada = subscriptions.create("ada@example.org", Optional.empty(), DAILY, T0).orElseThrow();
        alan = subscriptions.create("alan@example.org", Optional.empty(), DAILY, T0).orElseThrow();
        new JdbiPaperStore(database(), Clock.fixed(T0, ZoneOffset.UTC)).upsert(List.of(
                PaperFixtures.paper().id(p1.value()).build(), PaperFixtures.paper().id(p2.value()).build(),
                PaperFixtures.paper().id(p3.value()).build()));
    }

    private static Digest digest(long subscription, Instant until, Digest.Item... items) {
        return new Digest(UUID.randomUUID().toString(), subscription, until.minusSeconds(86_400), until, until,
                List.of(items));
    }

    @Test
    void aDigestIsReadBackWithItsItemsBySectionAndPosition() {
        Digest stored = digest(ada, T0, new Digest.Item(p2, 1, 0), new Digest.Item(p1, 0, 0),
                new Digest.Item(p3, 0, 1));
        assertThat(store.insert(stored)).isTrue();
        Digest read = store.find(stored.id()).orElseThrow();
        assertThat(read.subscriptionId()).isEqualTo(ada);
        assertThat(read.from()).isEqualTo(stored.from());
        assertThat(read.until()).isEqualTo(T0);
        assertThat(read.items()).containsExactly(new Digest.Item(p1, 0, 0), new Digest.Item(p3, 0, 1),
                new Digest.Item(p2, 1, 0));
        assertThat(read.section(0)).containsExactly(p1, p3);
        assertThat(store.find("no-such-digest")).isEmpty();
    }

    @Test
    void aSubscriptionHasOneDigestPerWindowEnd() {
        assertThat(store.insert(digest(ada, T0, new Digest.Item(p1, 0, 0)))).isTrue();
        Digest again = digest(ada, T0, new Digest.Item(p2, 0, 0));
        assertThat(store.insert(again)).isFalse();
        assertThat(store.find(again.id())).isEmpty();
        assertThat(store.alreadySent(ada, List.of(p1, p2))).containsExactly(p1);
        assertThat(store.insert(digest(alan, T0, new Digest.Item(p1, 0, 0)))).as("another subscriber").isTrue();
    }

    @Test
    void noPaperGoesTwiceToOneSubscriberAndTheWholeDigestIsRefused() {
        store.insert(digest(ada, T0, new Digest.Item(p1, 0, 0)));
        Digest repeat = digest(ada, T0.plusSeconds(86_400), new Digest.Item(p2, 0, 0), new Digest.Item(p1, 0, 1));
        assertThatThrownBy(() -> store.insert(repeat)).isInstanceOf(RuntimeException.class);
        assertThat(store.find(repeat.id())).as("nothing of it stored").isEmpty();
        assertThat(store.alreadySent(ada, List.of(p1, p2, p3))).containsExactly(p1);
        assertThat(store.alreadySent(alan, List.of(p1, p2, p3))).isEmpty();
    }

    @Test
    void countsDigestsAndTheirPapers() {
        assertThat(store.counts()).isEqualTo(new DigestStore.Counts(0, 0));
        store.insert(digest(ada, T0, new Digest.Item(p1, 0, 0), new Digest.Item(p2, 1, 0)));
        store.insert(digest(alan, T0, new Digest.Item(p3, 0, 0)));
        assertThat(store.counts()).isEqualTo(new DigestStore.Counts(2, 3));
    }
}
