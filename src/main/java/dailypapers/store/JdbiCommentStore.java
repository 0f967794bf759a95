package dailypapers.store;

import dailypapers.comment.Comment;
import dailypapers.comment.CommentState;
import dailypapers.comment.CommentStore;
import dailypapers.comment.Commenter;
import dailypapers.paper.ArxivId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link CommentStore} on the comment table, in SQL that SQLite and PostgreSQL both run. The paper's count of
 * visible comments and the data version follow every write by triggers (V21), in the writing transaction.
 */
public final class JdbiCommentStore implements CommentStore {

    /** A comment and its author; a deleted account (its row kept, personal data gone) names nobody. */
    private static final String COLUMNS = """
            c.id, c.paper_id, c.parent_id, c.member_id, c.source, c.html, c.state, c.hidden_reason, c.created_at,
            c.edited_at, CASE WHEN m.deleted_at IS NULL THEN m.handle END AS handle,
            CASE WHEN m.deleted_at IS NULL THEN m.display_name END AS display_name
            FROM comment c LEFT JOIN member m ON m.id = c.member_id""";

    private final HandleSource handles;

    public JdbiCommentStore(Database database) {
        this(HandleSource.versioned(database));
    }

    JdbiCommentStore(HandleSource handles) {
        this.handles = handles;
    }

    @Override
    public Optional<Long> add(NewComment comment) {
        return handles.write(h -> h.createQuery("""
                        INSERT INTO comment (paper_id, parent_id, member_id, source, html, state, created_at)
                        SELECT :paper, CAST(:parent AS BIGINT), :member, :source, :html, 'visible', :at
                        WHERE EXISTS (SELECT 1 FROM paper WHERE id = :paper)
                        RETURNING id""")
                .bind("paper", comment.paperId().value())
                .bind("parent", comment.parentId().orElse(null))
                .bind("member", comment.memberId())
                .bind("source", comment.source())
                .bind("html", comment.html())
                .bind("at", comment.createdAt().toString())
                .mapTo(Long.class)
                .findOne());
    }

    @Override
    public Optional<Comment> comment(long id) {
        return handles.read(h -> h.createQuery("SELECT " + COLUMNS + " WHERE c.id = :id")
                .bind("id", id).map((rs, ctx) -> comment(rs)).findOne());
    }

    @Override
    public List<Comment> onPaper(ArxivId paperId) {
        return handles.read(h -> h.createQuery("SELECT " + COLUMNS
                        + " WHERE c.paper_id = :paper ORDER BY c.created_at, c.id")
                .bind("paper", paperId.value()).map((rs, ctx) -> comment(rs)).list());
    }

    @Override
    public List<Comment> latestVisible(ArxivId paperId, int limit) {
        return handles.read(h -> h.createQuery("SELECT " + COLUMNS
                        + " WHERE c.paper_id = :paper AND c.state = 'visible'"
                        + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit")
                .bind("paper", paperId.value()).bind("limit", limit).map((rs, ctx) -> comment(rs)).list());
    }

    @Override
    public List<Comment> latestVisibleBy(long memberId, int limit) {
        return handles.read(h -> h.createQuery("SELECT " + COLUMNS
                        + " WHERE c.member_id = :member AND c.state = 'visible'"
                        + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit")
                .bind("member", memberId).bind("limit", limit).map((rs, ctx) -> comment(rs)).list());
    }

    @Override
    public List<Comment> writtenBy(long memberId) {
        return handles.read(h -> h.createQuery("SELECT " + COLUMNS
                        + " WHERE c.member_id = :member ORDER BY c.created_at, c.id")
                .bind("member", memberId).map((rs, ctx) -> comment(rs)).list());
    }

    @Override
    public boolean hasReplies(long id) {
        return handles.read(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM comment WHERE parent_id = :id)")
                .bind("id", id).mapTo(Boolean.class).one());
    }

    @Override
    public void edit(long id, String source, String html, Instant at) {
        handles.write(h -> h.createUpdate("UPDATE comment SET source = :source, html = :html, edited_at = :at"
                        + " WHERE id = :id")
                .bind("source", source).bind("html", html).bind("at", at.toString()).bind("id", id).execute());
    }

    @Override
    public void markDeleted(long id) {
        handles.write(h -> h.createUpdate("UPDATE comment SET state = 'deleted', source = '', html = ''"
                        + " WHERE id = :id")
                .bind("id", id).execute());
    }

    @Override
    public void remove(long id) {
        handles.write(h -> h.createUpdate("DELETE FROM comment WHERE id = :id").bind("id", id).execute());
    }

    @Override
    public void hide(long id, long moderatorId, String reason) {
        handles.write(h -> h.createUpdate("UPDATE comment SET state = 'hidden', hidden_reason = :reason,"
                        + " hidden_by = :moderator WHERE id = :id")
                .bind("reason", reason).bind("moderator", moderatorId).bind("id", id).execute());
    }

    @Override
    public List<Long> commenters(ArxivId paperId) {
        return handles.read(h -> h.createQuery("SELECT DISTINCT member_id FROM comment"
                        + " WHERE paper_id = :paper AND state = 'visible' ORDER BY member_id")
                .bind("paper", paperId.value()).mapTo(Long.class).list());
    }

    @Override
    public Set<ArxivId> withAuthorComments(Collection<ArxivId> papers) {
        if (papers.isEmpty()) {
            return Set.of();
        }
        return handles.read(h -> h.createQuery("""
                        SELECT DISTINCT c.paper_id FROM comment c
                        JOIN author_claim a ON a.paper_id = c.paper_id AND a.member_id = c.member_id
                        WHERE c.state = 'visible' AND a.state = 'confirmed' AND c.paper_id IN (<ids>)""")
                .bindList("ids", papers.stream().map(ArxivId::value).distinct().toList())
                .map((rs, ctx) -> new ArxivId(rs.getString(1))).set());
    }

    private static Comment comment(ResultSet rs) throws SQLException {
        long parent = rs.getLong("parent_id");
        Optional<Long> parentId = rs.wasNull() ? Optional.empty() : Optional.of(parent);
        String edited = rs.getString("edited_at");
        return new Comment(rs.getLong("id"), new ArxivId(rs.getString("paper_id")), parentId,
                new Commenter(rs.getLong("member_id"), Optional.ofNullable(rs.getString("handle")),
                        Optional.ofNullable(rs.getString("display_name"))),
                rs.getString("source"), rs.getString("html"), CommentState.of(rs.getString("state")),
                Optional.ofNullable(rs.getString("hidden_reason")), Instant.parse(rs.getString("created_at")),
                Optional.ofNullable(edited).map(Instant::parse));
    }
}
