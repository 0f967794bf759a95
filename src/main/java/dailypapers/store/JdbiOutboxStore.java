package dailypapers.store;

import dailypapers.mail.Message;
import dailypapers.mail.OutboxStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@link OutboxStore} on the mail_outbox table, in SQL that SQLite and PostgreSQL both run. Instants are written
 * with exactly three fraction digits, so the due query can compare them as text. A message's extra headers are
 * stored one {@code Name: value} a line (values hold no line break).
 */
public final class JdbiOutboxStore implements OutboxStore {

    private static final String COLUMNS = "id, kind, recipient, subject, text_body, html_body, headers, payload,"
            + " state, attempts, last_error, next_attempt_at";
    private static final String HEADER_SEPARATOR = ": ";

    private final HandleSource handles;

    public JdbiOutboxStore(Database database) {
        this(HandleSource.of(database));
    }

    JdbiOutboxStore(HandleSource handles) {
        this.handles = handles;
    }

    @Override
    public String add(Message message, Instant at) {
        String id = UUID.randomUUID().toString();
        handles.write(h -> h.createUpdate("""
                        INSERT INTO mail_outbox (id, kind, recipient, subject, text_body, html_body, headers, state,
                            attempts, created_at, next_attempt_at, updated_at)
                        VALUES (:id, :kind, :to, :subject, :text, :html, :headers, 'pending', 0, :at, :at, :at)""")
                .bind("id", id)
                .bind("kind", MESSAGE)
                .bind("to", message.to())
                .bind("subject", message.subject())
                .bind("text", message.text())
                .bind("html", message.html().orElse(null))
                .bind("headers", headers(message.headers()))
                .bind("at", StoredTimes.sortable(at))
                .execute());
        return id;
    }

    @Override
    public Optional<String> addRendered(String kind, String recipient, String payload, String dedupeKey,
            Instant at) {
        if (kind.isBlank() || kind.equals(MESSAGE)) {
            throw new IllegalArgumentException("a rendered row needs a kind of its own, not '" + kind + "'");
        }
        if (recipient.isBlank()) {
            throw new IllegalArgumentException("recipient must not be blank");
        }
        Objects.requireNonNull(payload, "payload");
        String id = UUID.randomUUID().toString();
        // ON CONFLICT rather than catching the violation: on PostgreSQL a failed statement would abort the
        // caller's transaction.
        int added = handles.write(h -> h.createUpdate("""
                        INSERT INTO mail_outbox (id, kind, recipient, payload, dedupe_key, state, attempts,
                            created_at, next_attempt_at, updated_at)
                        VALUES (:id, :kind, :recipient, :payload, :dedupe, 'pending', 0, :at, :at, :at)
                        ON CONFLICT (dedupe_key) DO NOTHING""")
                .bind("id", id)
                .bind("kind", kind)
                .bind("recipient", recipient.strip())
                .bind("payload", payload)
                .bind("dedupe", dedupeKey)
                .bind("at", StoredTimes.sortable(at))
                .execute());
        return added == 1 ? Optional.of(id) : Optional.empty();
    }

    @Override
    public List<Queued> due(Instant now, Collection<String> kinds, int limit) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return handles.read(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM mail_outbox
                        WHERE state IN ('pending', 'retry') AND next_attempt_at <= :now AND kind IN (<kinds>)
                        ORDER BY next_attempt_at, created_at, id
                        LIMIT :limit""")
                .bind("now", StoredTimes.sortable(now))
                .bindList("kinds", List.copyOf(kinds))
                .bind("limit", limit)
                .map((rs, ctx) -> new Queued(rs.getString("id"), rs.getString("kind"), rs.getString("recipient"),
                        message(rs), Optional.ofNullable(rs.getString("payload")), rs.getInt("attempts")))
                .list());
    }

    @Override
    public Map<String, Long> dueByKind(Instant now) {
        return handles.read(h -> h.createQuery("""
                        SELECT kind, COUNT(*) AS n FROM mail_outbox
                        WHERE state IN ('pending', 'retry') AND next_attempt_at <= :now
                        GROUP BY kind""")
                .bind("now", StoredTimes.sortable(now))
                .reduceRows(new TreeMap<String, Long>(), (counts, row) -> {
                    counts.put(row.getColumn("kind", String.class), row.getColumn("n", Long.class));
                    return counts;
                }));
    }

    @Override
    public boolean claim(String id, Instant at) {
        return handles.write(h -> h.createUpdate("""
                        UPDATE mail_outbox SET state = 'sending', attempts = attempts + 1, updated_at = :at
                        WHERE id = :id AND state IN ('pending', 'retry')""")
                .bind("id", id)
                .bind("at", StoredTimes.sortable(at))
                .execute()) == 1;
    }

    @Override
    public void markSent(String id, Instant at) {
        handles.write(h -> h.createUpdate("""
                        UPDATE mail_outbox SET state = 'sent', last_error = NULL, updated_at = :at
                        WHERE id = :id""")
                .bind("id", id)
                .bind("at", StoredTimes.sortable(at))
                .execute());
    }

    @Override
    public void retry(String id, String error, Instant nextAttemptAt, Instant at) {
        handles.write(h -> h.createUpdate("""
                        UPDATE mail_outbox SET state = 'retry', last_error = :error, next_attempt_at = :next,
                            updated_at = :at
                        WHERE id = :id""")
                .bind("id", id)
                .bind("error", error)
                .bind("next", StoredTimes.sortable(nextAttemptAt))
                .bind("at", StoredTimes.sortable(at))
                .execute());
    }

    @Override
    public void markFailed(String id, String error, Instant at) {
        handles.write(h -> h.createUpdate("""
                        UPDATE mail_outbox SET state = 'failed', last_error = :error, updated_at = :at
                        WHERE id = :id""")
                .bind("id", id)
                .bind("error", error)
                .bind("at", StoredTimes.sortable(at))
                .execute());
    }

    @Override
    public void cancel(String id, Instant at) {
        handles.write(h -> h.createUpdate("""
                        UPDATE mail_outbox SET state = 'cancelled', updated_at = :at
                        WHERE id = :id""")
                .bind("id", id)
                .bind("at", StoredTimes.sortable(at))
                .execute());
    }

    @Override
    public void postpone(Collection<String> ids, Instant nextAttemptAt, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        handles.write(h -> h.createUpdate("""
                        UPDATE mail_outbox SET next_attempt_at = :next, updated_at = :at
                        WHERE id IN (<ids>) AND state IN ('pending', 'retry')""")
                .bindList("ids", List.copyOf(ids))
                .bind("next", StoredTimes.sortable(nextAttemptAt))
                .bind("at", StoredTimes.sortable(at))
                .execute());
    }

    @Override
    public int resumeInterrupted(Instant at) {
        return handles.write(h -> h.createUpdate("""
                        UPDATE mail_outbox SET state = 'retry', next_attempt_at = :at, updated_at = :at
                        WHERE state = 'sending'""")
                .bind("at", StoredTimes.sortable(at))
                .execute());
    }

    @Override
    public Optional<Outgoing> find(String id) {
        return handles.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM mail_outbox WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Outgoing(rs.getString("id"), rs.getString("kind"), rs.getString("recipient"),
                        message(rs), state(rs.getString("state")), rs.getInt("attempts"),
                        Optional.ofNullable(rs.getString("last_error")),
                        Instant.parse(rs.getString("next_attempt_at"))))
                .findOne());
    }

    @Override
    public Map<State, Long> countsByState(String kind) {
        Map<State, Long> counts = new EnumMap<>(State.class);
        for (State state : State.values()) {
            counts.put(state, 0L);
        }
        return handles.read(h -> h.createQuery("""
                        SELECT state, COUNT(*) AS n FROM mail_outbox WHERE kind = :kind GROUP BY state""")
                .bind("kind", kind)
                .reduceRows(counts, (all, row) -> {
                    all.put(state(row.getColumn("state", String.class)), row.getColumn("n", Long.class));
                    return all;
                }));
    }

    @Override
    public List<Failure> recentFailures(String kind, int limit) {
        return handles.read(h -> h.createQuery("""
                        SELECT id, recipient, last_error, updated_at FROM mail_outbox
                        WHERE kind = :kind AND state = 'failed'
                        ORDER BY updated_at DESC, id
                        LIMIT :limit""")
                .bind("kind", kind)
                .bind("limit", limit)
                .map((rs, ctx) -> new Failure(rs.getString("id"), rs.getString("recipient"),
                        Objects.requireNonNullElse(rs.getString("last_error"), ""),
                        Instant.parse(rs.getString("updated_at"))))
                .list());
    }

    private static Optional<Message> message(ResultSet rs) throws SQLException {
        if (!MESSAGE.equals(rs.getString("kind"))) {
            return Optional.empty();
        }
        return Optional.of(new Message(rs.getString("recipient"), rs.getString("subject"), rs.getString("text_body"),
                Optional.ofNullable(rs.getString("html_body")), headers(rs.getString("headers"))));
    }

    private static State state(String text) {
        return State.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private static String headers(Map<String, String> headers) {
        if (headers.isEmpty()) {
            return null;
        }
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, value) -> lines.append(name).append(HEADER_SEPARATOR).append(value).append('\n'));
        return lines.toString();
    }

    private static Map<String, String> headers(String lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (lines != null) {
            lines.lines().forEach(line -> {
                int separator = line.indexOf(HEADER_SEPARATOR);
                headers.put(line.substring(0, separator), line.substring(separator + HEADER_SEPARATOR.length()));
            });
        }
        return headers;
    }
}
