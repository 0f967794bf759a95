package dailypapers.store;

import dailypapers.moderation.Flag;
import dailypapers.moderation.FlagReason;
import dailypapers.moderation.HiddenPaper;
import dailypapers.moderation.ModerationStore;
import dailypapers.moderation.Resolution;
import dailypapers.moderation.Target;
import dailypapers.moderation.TargetKind;
import dailypapers.paper.ArxivId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@link ModerationStore} on the flag and paper_hidden tables and the member table's suspension, in SQL that SQLite
 * and PostgreSQL both run. "One open flag per member per target" is a partial unique index, so two reports racing
 * leave one row. Writes order behind the data version's lock: hiding a paper changes what listings show.
 */
public final class JdbiModerationStore implements ModerationStore {

    private static final String FLAG_COLUMNS = "id, reporter_id, target_kind, target_id, reason, note, created_at";

    private final HandleSource handles;

    public JdbiModerationStore(Database database) {
        this(HandleSource.versioned(database));
    }

    JdbiModerationStore(HandleSource handles) {
        this.handles = handles;
    }

    @Override
    public Optional<Flag> addFlag(long reporterId, Target target, FlagReason reason, String note, Instant at) {
        return handles.write(h -> h.createQuery("""
                        INSERT INTO flag (reporter_id, target_kind, target_id, reason, note, created_at)
                        VALUES (:reporter, :kind, :target, :reason, :note, :at)
                        ON CONFLICT DO NOTHING
                        RETURNING id""")
                .bind("reporter", reporterId)
                .bind("kind", target.kind().key())
                .bind("target", target.id())
                .bind("reason", reason.key())
                .bind("note", note)
                .bind("at", at.toString())
                .mapTo(Long.class)
                .findOne()
                .map(id -> new Flag(id, reporterId, target, reason, note, at)));
    }

    @Override
    public Optional<Flag> openFlag(long id) {
        return handles.read(h -> h.createQuery("SELECT " + FLAG_COLUMNS
                        + " FROM flag WHERE id = :id AND resolved_at IS NULL")
                .bind("id", id).map((rs, ctx) -> flag(rs)).findOne());
    }

    @Override
    public List<Flag> openFlags(int limit) {
        return handles.read(h -> h.createQuery("SELECT " + FLAG_COLUMNS
                        + " FROM flag WHERE resolved_at IS NULL ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> flag(rs)).list());
    }

    @Override
    public boolean resolveFlag(long id, long moderatorId, Resolution resolution, Instant at) {
        return handles.write(h -> h.createUpdate("""
                        UPDATE flag SET resolved_at = :at, resolved_by = :moderator, resolution = :resolution
                        WHERE id = :id AND resolved_at IS NULL""")
                .bind("at", at.toString()).bind("moderator", moderatorId).bind("resolution", resolution.key())
                .bind("id", id).execute()) > 0;
    }

    @Override
    public int resolveFlags(Target target, long moderatorId, Resolution resolution, Instant at) {
        return handles.write(h -> h.createUpdate("""
                        UPDATE flag SET resolved_at = :at, resolved_by = :moderator, resolution = :resolution
                        WHERE target_kind = :kind AND target_id = :target AND resolved_at IS NULL""")
                .bind("at", at.toString()).bind("moderator", moderatorId).bind("resolution", resolution.key())
                .bind("kind", target.kind().key()).bind("target", target.id()).execute());
    }

    @Override
    public boolean hidePaper(HiddenPaper hidden) {
        return handles.write(h -> h.createUpdate("""
                        INSERT INTO paper_hidden (paper_id, reason, hidden_by, hidden_at)
                        SELECT id, :reason, :by, :at FROM paper WHERE id = :paper
                        ON CONFLICT DO NOTHING""")
                .bind("reason", hidden.reason()).bind("by", hidden.hiddenBy())
                .bind("at", hidden.hiddenAt().toString()).bind("paper", hidden.paper().value())
                .execute() > 0 && written(h, hidden.paper(), hidden.hiddenAt()) > 0);
    }

    @Override
    public boolean unhidePaper(ArxivId paper, Instant at) {
        return handles.write(h -> h.createUpdate("DELETE FROM paper_hidden WHERE paper_id = :paper")
                .bind("paper", paper.value()).execute() > 0 && written(h, paper, at) > 0);
    }

    /**
     * Marks the paper's row written at {@code at}, for the processes that follow written rows (the index sync);
     * returns the rows marked: 1, the paper being there.
     */
    private static int written(Handle h, ArxivId paper, Instant at) {
        return h.createUpdate("UPDATE paper SET updated_at = :at WHERE id = :paper")
                .bind("at", at.toString()).bind("paper", paper.value()).execute();
    }

    @Override
    public Optional<HiddenPaper> hiddenPaper(ArxivId paper) {
        return handles.read(h -> h.createQuery(
                        "SELECT paper_id, reason, hidden_by, hidden_at FROM paper_hidden WHERE paper_id = :paper")
                .bind("paper", paper.value()).map((rs, ctx) -> hidden(rs)).findOne());
    }

    @Override
    public List<HiddenPaper> hiddenPapers() {
        return handles.read(h -> h.createQuery("""
                        SELECT paper_id, reason, hidden_by, hidden_at FROM paper_hidden
                        ORDER BY hidden_at DESC, paper_id DESC""")
                .map((rs, ctx) -> hidden(rs)).list());
    }

    @Override
    public boolean suspend(long memberId, Instant until) {
        return handles.write(h -> h.createUpdate("UPDATE member SET suspended_until = :until WHERE id = :id")
                .bind("until", until.toString()).bind("id", memberId).execute()) > 0;
    }

    @Override
    public boolean unsuspend(long memberId) {
        return handles.write(h -> h.createUpdate("UPDATE member SET suspended_until = NULL WHERE id = :id")
                .bind("id", memberId).execute()) > 0;
    }

    @Override
    public boolean ban(long memberId) {
        return handles.write(h -> JdbiAccountStore.ban(h, memberId));
    }

    private static Flag flag(ResultSet rs) throws SQLException {
        return new Flag(rs.getLong("id"), rs.getLong("reporter_id"),
                new Target(TargetKind.of(rs.getString("target_kind")), rs.getString("target_id")),
                FlagReason.of(rs.getString("reason")), rs.getString("note"),
                Instant.parse(rs.getString("created_at")));
    }

    private static HiddenPaper hidden(ResultSet rs) throws SQLException {
        return new HiddenPaper(new ArxivId(rs.getString("paper_id")), rs.getString("reason"),
                rs.getLong("hidden_by"), Instant.parse(rs.getString("hidden_at")));
    }
}
