package dailypapers.store;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.DatabaseContract;
import dailypapers.TestDatabase;
import dailypapers.digest.Cadence;
import dailypapers.digest.Preferences;
import dailypapers.digest.Subscription;
import dailypapers.digest.SubscriptionState;
import dailypapers.digest.Topic;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link dailypapers.digest.SubscriptionStore} must do; run against SQLite and PostgreSQL. */
abstract class SubscriptionStoreContract extends DatabaseContract {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    private static final Preferences WEEKLY_NLP = new Preferences(Cadence.WEEKLY, ZoneId.of("Europe/Paris"),
            List.of(Topic.category("cs.CL"), Topic.author("Ada Lovelace"), Topic.query("early exit")));

    private JdbiSubscriptionStore store;

    protected SubscriptionStoreContract(TestDatabase kind) {
        super(kind);
    }

    @BeforeEach
    void open() {
        store = new JdbiSubscriptionStore(database());
    }

    @Test
    void aSubscriptionIsPendingWithItsTopicsInOrderAndOneAddressHasOne() {
        long id = store.create("ada@example.org", Optional.empty(), WEEKLY_NLP, T0).orElseThrow();
        Subscription read = store.findByEmail("ada@example.org").orElseThrow();
        assertThat(read.id()).isEqualTo(id);
        assertThat(read.state()).isEqualTo(SubscriptionState.PENDING);
        assertThat(read.cadence()).isEqualTo(Cadence.WEEKLY);
        assertThat(read.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(read.topics()).containsExactlyElementsOf(WEEKLY_NLP.topics());
        assertThat(read.nextDueAt()).isEmpty();
        assertThat(store.create("ada@example.org", Optional.empty(), WEEKLY_NLP, T0)).isEmpty();
    }

    @Test
    void onlyConfirmedSubscriptionsWhoseTimeHasComeAreDueEarliestFirst() {
        long late = store.create("late@example.org", Optional.empty(), WEEKLY_NLP, T0).orElseThrow();
        long early = store.create("early@example.org", Optional.empty(), WEEKLY_NLP, T0).orElseThrow();
        store.create("pending@example.org", Optional.empty(), WEEKLY_NLP, T0).orElseThrow();
        long future = store.create("future@example.org", Optional.empty(), WEEKLY_NLP, T0).orElseThrow();
        store.confirm(late, T0.plusSeconds(60), T0);
        store.confirm(early, T0.plusMillis(500), T0);
        store.confirm(future, T0.plusSeconds(3600), T0);
        assertThat(store.due(T0.plusSeconds(60), 10)).extracting(Subscription::id).containsExactly(early, late);
        store.advance(early, T0.plusSeconds(60), T0.plusSeconds(7200), T0.plusSeconds(60));
        assertThat(store.due(T0.plusSeconds(60), 10)).extracting(Subscription::id).containsExactly(late);
        assertThat(store.find(early).orElseThrow().lastDigestAt()).contains(T0.plusSeconds(60));
        assertThat(store.confirmed(0, 10)).extracting(Subscription::id).containsExactly(late, early, future);
    }

    @Test
    void leavingConfirmedStopsDigestsAndKeepsTheReason() {
        long id = store.create("gone@example.org", Optional.empty(), WEEKLY_NLP, T0).orElseThrow();
        store.confirm(id, T0, T0);
        store.setState(id, SubscriptionState.DISABLED, Optional.of("550 5.1.1 no such user"), T0.plusSeconds(1));
        assertThat(store.due(T0.plusSeconds(10), 10)).isEmpty();
        Subscription read = store.find(id).orElseThrow();
        assertThat(read.stateReason()).contains("550 5.1.1 no such user");
        assertThat(read.nextDueAt()).isEmpty();
        assertThat(store.recentlyDisabled(5)).extracting(Subscription::id).containsExactly(id);
        assertThat(store.countsByState()).containsEntry(SubscriptionState.DISABLED, 1L)
                .containsEntry(SubscriptionState.CONFIRMED, 0L);
    }

    @Test
    void preferencesReplaceCadenceZoneAndTopics() {
        long id = store.create("bob@example.org", Optional.empty(), WEEKLY_NLP, T0).orElseThrow();
        Preferences daily = new Preferences(Cadence.DAILY, ZoneId.of("America/New_York"), List.of(Topic.library()));
        store.updatePreferences(id, daily, Optional.of(T0.plusSeconds(5)), T0);
        Subscription read = store.find(id).orElseThrow();
        assertThat(read.cadence()).isEqualTo(Cadence.DAILY);
        assertThat(read.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(read.topics()).containsExactly(Topic.library());
    }

    @Test
    void theLinkKeyIsMadeOnceAndSharedByEveryCaller() {
        JdbiSecretStore secrets = new JdbiSecretStore(database());
        String first = secrets.getOrCreate("k", () -> "one", T0);
        assertThat(secrets.getOrCreate("k", () -> "two", T0)).isEqualTo(first).isEqualTo("one");
    }
}
