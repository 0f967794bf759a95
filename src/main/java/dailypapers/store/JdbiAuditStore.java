package dailypapers.store;

import dailypapers.moderation.AuditEntry;
import dailypapers.moderation.AuditStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link AuditStore} on the audit_log table, in SQL that SQLite and PostgreSQL both run. */
public final class JdbiAuditStore implements AuditStore {

    private final HandleSource handles;

    public JdbiAuditStore(Database database) {
        this(HandleSource.of(database));
    }

    JdbiAuditStore(HandleSource handles) {
        this.handles = handles;
    }

    @Override
    public AuditEntry append(AuditEntry entry) {
        long id = handles.write(h -> h.createQuery("""
                        INSERT INTO audit_log (at, actor_id, action, target_kind, target_id, reason)
                        VALUES (:at, :actor, :action, :kind, :target, :reason)
                        RETURNING id""")
                .bind("at", entry.at().toString())
                .bind("actor", entry.actorId())
                .bind("action", entry.action())
                .bind("kind", entry.targetKind())
                .bind("target", entry.targetId())
                .bind("reason", entry.reason().orElse(null))
                .mapTo(Long.class)
                .one());
        return new AuditEntry(id, entry.at(), entry.actorId(), entry.action(), entry.targetKind(), entry.targetId(),
                entry.reason());
    }

    @Override
    public List<AuditEntry> recent(int offset, int limit) {
        return handles.read(h -> h.createQuery("""
                        SELECT id, at, actor_id, action, target_kind, target_id, reason FROM audit_log
                        ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> new AuditEntry(rs.getLong("id"), Instant.parse(rs.getString("at")),
                        rs.getLong("actor_id"), rs.getString("action"), rs.getString("target_kind"),
                        rs.getString("target_id"), Optional.ofNullable(rs.getString("reason"))))
                .list());
    }
}
