package dailypapers.store;

import dailypapers.digest.Cadence;
import dailypapers.digest.Preferences;
import dailypapers.digest.Subscription;
import dailypapers.digest.SubscriptionState;
import dailypapers.digest.SubscriptionStore;
import dailypapers.digest.Topic;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@link SubscriptionStore} on the subscription and subscription_topic tables, in SQL that SQLite and PostgreSQL
 * both run. A list of subscriptions is read with one query for the rows and one for all their topics.
 */
public final class JdbiSubscriptionStore implements SubscriptionStore {

    private static final String COLUMNS = "id, email, member_id, cadence, time_zone, state, state_reason, created_at,"
            + " confirmed_at, last_digest_at, next_due_at";

    private final HandleSource handles;

    public JdbiSubscriptionStore(Database database) {
        this(HandleSource.of(database));
    }

    JdbiSubscriptionStore(HandleSource handles) {
        this.handles = handles;
    }

    @Override
    public Optional<Long> create(String email, Optional<Long> memberId, Preferences preferences, Instant at) {
        return handles.write(h -> {
            Optional<Long> id = h.createQuery("""
                            INSERT INTO subscription (email, member_id, cadence, time_zone, state, created_at,
                                updated_at)
                            VALUES (:email, :member, :cadence, :zone, 'pending', :at, :at)
                            ON CONFLICT (email) DO NOTHING
                            RETURNING id""")
                    .bind("email", email)
                    .bind("member", memberId.orElse(null))
                    .bind("cadence", preferences.cadence().key())
                    .bind("zone", preferences.zone().getId())
                    .bind("at", StoredTimes.sortable(at))
                    .mapTo(Long.class)
                    .findOne();
            id.ifPresent(created -> writeTopics(h, created, preferences.topics()));
            return id;
        });
    }

    @Override
    public Optional<Subscription> find(long id) {
        return first(handles.read(h -> list(h, "WHERE id = :key", id, 1)));
    }

    @Override
    public Optional<Subscription> findByEmail(String email) {
        return first(handles.read(h -> list(h, "WHERE email = :key", email, 1)));
    }

    @Override
    public Optional<Subscription> findByMember(long memberId) {
        return first(handles.read(h -> list(h, "WHERE member_id = :key ORDER BY id", memberId, 1)));
    }

    @Override
    public void updatePreferences(long id, Preferences preferences, Optional<Instant> nextDueAt, Instant at) {
        handles.write(h -> {
            h.createUpdate("""
                            UPDATE subscription SET cadence = :cadence, time_zone = :zone, next_due_at = :next,
                                updated_at = :at
                            WHERE id = :id""")
                    .bind("id", id)
                    .bind("cadence", preferences.cadence().key())
                    .bind("zone", preferences.zone().getId())
                    .bind("next", nextDueAt.map(StoredTimes::sortable).orElse(null))
                    .bind("at", StoredTimes.sortable(at))
                    .execute();
            h.createUpdate("DELETE FROM subscription_topic WHERE subscription_id = :id").bind("id", id).execute();
            writeTopics(h, id, preferences.topics());
            return null;
        });
    }

    @Override
    public void setMember(long id, Optional<Long> memberId, Instant at) {
        handles.write(h -> h.createUpdate("UPDATE subscription SET member_id = :member, updated_at = :at WHERE id = :id")
                .bind("id", id)
                .bind("member", memberId.orElse(null))
                .bind("at", StoredTimes.sortable(at))
                .execute());
    }

    @Override
    public void confirm(long id, Instant nextDueAt, Instant at) {
        handles.write(h -> h.createUpdate("""
                        UPDATE subscription SET state = 'confirmed', state_reason = NULL, confirmed_at = :at,
                            next_due_at = :next, updated_at = :at
                        WHERE id = :id""")
                .bind("id", id)
                .bind("next", StoredTimes.sortable(nextDueAt))
                .bind("at", StoredTimes.sortable(at))
                .execute());
    }

    @Override
    public void setState(long id, SubscriptionState state, Optional<String> reason, Instant at) {
        handles.write(h -> h.createUpdate("""
                        UPDATE subscription SET state = :state, state_reason = :reason,
                            next_due_at = CASE WHEN :state = 'confirmed' THEN next_due_at END, updated_at = :at
                        WHERE id = :id""")
                .bind("id", id)
                .bind("state", state.key())
                .bind("reason", reason.orElse(null))
                .bind("at", StoredTimes.sortable(at))
                .execute());
    }

    @Override
    public List<Subscription> due(Instant now, int limit) {
        return handles.read(h -> list(h, "WHERE state = 'confirmed' AND next_due_at <= :key ORDER BY next_due_at, id",
                StoredTimes.sortable(now), limit));
    }

    @Override
    public List<Subscription> confirmed(long afterId, int limit) {
        return handles.read(h -> list(h, "WHERE state = 'confirmed' AND id > :key ORDER BY id", afterId, limit));
    }

    @Override
    public void advance(long id, Instant lastDigestAt, Instant nextDueAt, Instant at) {
        handles.write(h -> h.createUpdate("""
                        UPDATE subscription SET last_digest_at = :last, next_due_at = :next, updated_at = :at
                        WHERE id = :id AND state = 'confirmed'""")
                .bind("id", id)
                .bind("last", StoredTimes.sortable(lastDigestAt))
                .bind("next", StoredTimes.sortable(nextDueAt))
                .bind("at", StoredTimes.sortable(at))
                .execute());
    }

    @Override
    public Map<SubscriptionState, Long> countsByState() {
        Map<SubscriptionState, Long> counts = new EnumMap<>(SubscriptionState.class);
        for (SubscriptionState state : SubscriptionState.values()) {
            counts.put(state, 0L);
        }
        handles.read(h -> h.createQuery("SELECT state, COUNT(*) AS n FROM subscription GROUP BY state")
                .map((rs, ctx) -> counts.put(SubscriptionState.fromKey(rs.getString("state")), rs.getLong("n")))
                .list());
        return counts;
    }

    @Override
    public List<Subscription> recentlyDisabled(int limit) {
        return handles.read(h -> list(h, "WHERE state = :key ORDER BY updated_at DESC, id DESC",
                SubscriptionState.DISABLED.key(), limit));
    }

    private static void writeTopics(Handle h, long id, List<Topic> topics) {
        var batch = h.prepareBatch("""
                INSERT INTO subscription_topic (subscription_id, position, kind, value)
                VALUES (:id, :position, :kind, :value)""");
        for (int i = 0; i < topics.size(); i++) {
            batch.bind("id", id).bind("position", i).bind("kind", topics.get(i).kind().key())
                    .bind("value", topics.get(i).value()).add();
        }
        if (!topics.isEmpty()) {
            batch.execute();
        }
    }

    /** The rows {@code where} selects (with {@code :key} bound), with their topics. */
    private static List<Subscription> list(Handle h, String where, Object key, int limit) {
        List<Row> rows = h.createQuery("SELECT " + COLUMNS + " FROM subscription " + where + " LIMIT :limit")
                .bind("key", key)
                .bind("limit", limit)
                .map((rs, ctx) -> row(rs))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Topic>> topics = new LinkedHashMap<>();
        rows.forEach(row -> topics.put(row.id(), new ArrayList<>()));
        h.createQuery("""
                        SELECT subscription_id, kind, value FROM subscription_topic
                        WHERE subscription_id IN (<ids>) ORDER BY subscription_id, position""")
                .bindList("ids", List.copyOf(topics.keySet()))
                .map((rs, ctx) -> topics.get(rs.getLong("subscription_id")).add(new Topic(
                        Topic.Kind.parse(rs.getString("kind")).orElseThrow(), rs.getString("value"))))
                .list();
        return rows.stream().map(row -> row.with(topics.get(row.id()))).toList();
    }

    private static Row row(ResultSet rs) throws SQLException {
        long member = rs.getLong("member_id");
        Optional<Long> memberId = rs.wasNull() ? Optional.empty() : Optional.of(member);
        return new Row(rs.getLong("id"), rs.getString("email"), memberId,
                Cadence.parse(rs.getString("cadence")).orElseThrow(), ZoneId.of(rs.getString("time_zone")),
                SubscriptionState.fromKey(rs.getString("state")), Optional.ofNullable(rs.getString("state_reason")),
                Instant.parse(rs.getString("created_at")), instant(rs, "confirmed_at"), instant(rs, "last_digest_at"),
                instant(rs, "next_due_at"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column)).map(Instant::parse);
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.stream().findFirst();
    }

    private record Row(long id, String email, Optional<Long> memberId, Cadence cadence, ZoneId zone,
            SubscriptionState state, Optional<String> stateReason, Instant createdAt, Optional<Instant> confirmedAt,
            Optional<Instant> lastDigestAt, Optional<Instant> nextDueAt) {

        Subscription with(List<Topic> topics) {
            return new Subscription(id, email, memberId, cadence, zone, state, stateReason, topics, createdAt,
                    confirmedAt, lastDigestAt, nextDueAt);
        }
    }
}
