package dailypapers.digest;

import dailypapers.App;
import dailypapers.paper.PaperRecord;
import dailypapers.store.Database;
import dailypapers.store.JdbiDigestStore;
import dailypapers.store.JdbiSubscriptionStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stores behind a running {@link App}, opened on its database, and factories for what digest tests need:
 * papers stored and indexed, confirmed subscriptions due at a given time. Close it before the app.
 */
public final class DigestFixture implements AutoCloseable {

    private static final AtomicInteger NEXT = new AtomicInteger();

    final App app;
    final Database database;
    public final JdbiSubscriptionStore subscriptions;
    public final JdbiDigestStore digests;

    public DigestFixture(App app) {
        this.app = app;
        this.database = Database.open(app.config().database(), new SimpleMeterRegistry());
        this.subscriptions = new JdbiSubscriptionStore(database);
        this.digests = new JdbiDigestStore(database);
    }

    /** Stores papers and makes them searchable at once. */
    public void papers(PaperRecord... records) {
        app.feed().papers().upsert(List.of(records));
        app.search().indexer().sync();
    }

    /** A confirmed daily UTC subscription with these topics, due at {@code due}; a fresh address each time. */
    public Subscription subscriber(Instant due, Topic... topics) {
        return subscriber(due, Optional.empty(), Cadence.DAILY, topics);
    }

    public Subscription subscriber(Instant due, Optional<Long> member, Cadence cadence, Topic... topics) {
        String email = "reader-" + NEXT.incrementAndGet() + "@example.org";
        long id = subscriptions.create(email, member, new Preferences(cadence, ZoneId.of("UTC"), List.of(topics)),
                due.minusSeconds(30 * 86_400)).orElseThrow();
        subscriptions.confirm(id, due, due.minusSeconds(29 * 86_400));
        return subscriptions.find(id).orElseThrow();
    }

    public Subscription reload(Subscription subscription) {
        return subscriptions.find(subscription.id()).orElseThrow();
    }

    @Override
    public void close() {
        database.close();
    }
}
