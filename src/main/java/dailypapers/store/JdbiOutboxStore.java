package dailypapers.store;

import dailypapers.mail.Message;
import dailypapers.mail.OutboxStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link OutboxStore} on the mail_outbox table, in SQL that SQLite and PostgreSQL both run. Instants are written
 * with exactly three fraction digits, so the due query can compare them as text.
 */
public final class JdbiOutboxStore implements OutboxStore {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String COLUMNS = "id, recipient, subject, text_body, html_body, state, attempts, last_error,"
            + " next_attempt_at";

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
                        INSERT INTO mail_outbox (id, recipient, subject, text_body, html_body, state, attempts,
                            created_at, next_attempt_at, updated_at)
                        VALUES (:id, :to, :subject, :text, :html, 'queued', 0, :at, :at, :at)""")
                .bind("id", id)
                .bind("to", message.to())
                .bind("subject", message.subject())
                .bind("text", message.text())
                .bind("html", message.html().orElse(null))
                .bind("at", text(at))
                .execute());
        return id;
    }

    @Override
    public List<Queued> due(Instant now, int limit) {
        return handles.read(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM mail_outbox
                        WHERE state = 'queued' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, created_at, id
                        LIMIT :limit""")
                .bind("now", text(now))
                .bind("limit", limit)
                .map((rs, ctx) -> new Queued(rs.getString("id"), message(rs), rs.getInt("attempts")))
                .list());
    }

    @Override
    public boolean claim(String id, Instant at) {
        return handles.write(h -> h.createUpdate("""
                        UPDATE mail_outbox SET state = 'sending', attempts = attempts + 1, updated_at = :at
                        WHERE id = :id AND state = 'queued'""")
                .bind("id", id)
                .bind("at", text(at))
                .execute()) == 1;
    }

    @Override
    public void markSent(String id, Instant at) {
        handles.write(h -> h.createUpdate("""
                        UPDATE mail_outbox SET state = 'sent', last_error = NULL, updated_at = :at
                        WHERE id = :id""")
                .bind("id", id)
                .bind("at", text(at))
                .execute());
    }

    @Override
    public void retry(String id, String error, Instant nextAttemptAt, Instant at) {
        handles.write(h -> h.createUpdate("""
                        UPDATE mail_outbox SET state = 'queued', last_error = :error, next_attempt_at = :next,
                            updated_at = :at
                        WHERE id = :id""")
                .bind("id", id)
                .bind("error", error)
                .bind("next", text(nextAttemptAt))
                .bind("at", text(at))
                .execute());
    }

    @Override
    public void markFailed(String id, String error, Instant at) {
        handles.write(h -> h.createUpdate("""
                        UPDATE mail_outbox SET state = 'failed', last_error = :error, updated_at = :at
                        WHERE id = :id""")
                .bind("id", id)
                .bind("error", error)
                .bind("at", text(at))
                .execute());
    }

    @Override
    public int failInterrupted(String error, Instant at) {
        return handles.write(h -> h.createUpdate("""
                        UPDATE mail_outbox SET state = 'failed', last_error = :error, updated_at = :at
                        WHERE state = 'sending'""")
                .bind("error", error)
                .bind("at", text(at))
                .execute());
    }

    @Override
    public Optional<Outgoing> find(String id) {
        return handles.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM mail_outbox WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Outgoing(rs.getString("id"), message(rs),
                        State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), rs.getInt("attempts"),
                        Optional.ofNullable(rs.getString("last_error")),
                        Instant.parse(rs.getString("next_attempt_at"))))
                .findOne());
    }

    private static Message message(ResultSet rs) throws SQLException {
        return new Message(rs.getString("recipient"), rs.getString("subject"), rs.getString("text_body"),
                Optional.ofNullable(rs.getString("html_body")));
    }

    private static String text(Instant instant) {
        return INSTANT.format(instant);
    }
}
