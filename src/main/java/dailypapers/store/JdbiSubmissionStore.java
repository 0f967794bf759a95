package dailypapers.store;

import dailypapers.feed.TrendingScore;
import dailypapers.paper.ArxivId;
import dailypapers.submission.FeaturedBy;
import dailypapers.submission.MemberName;
import dailypapers.submission.Submission;
import dailypapers.submission.SubmissionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@link SubmissionStore} on the submission table and the featured rows it writes, in SQL that SQLite and
 * PostgreSQL both run. A featured row is a member's submission when a visible submission of its paper has the same
 * instant ({@code submitted_at = featured_at}); a harvest that later features the paper on Hugging Face's day
 * replaces that instant, and the row is Hugging Face's again.
 */
public final class JdbiSubmissionStore implements SubmissionStore {

    private static final String COLUMNS =
            "s.id, s.paper_id, s.member_id, s.day, s.submitted_at, s.hidden_at, s.hidden_reason";

    private final HandleSource handles;

    public JdbiSubmissionStore(Database database) {
        this(HandleSource.versioned(database));
    }

    JdbiSubmissionStore(HandleSource handles) {
        this.handles = handles;
    }

    @Override
    public Optional<Submission> feature(ArxivId paper, long memberId, String handle, LocalDate day, Instant at) {
        return handles.write(h -> {
            // Read in the write transaction, which no vote can enter before it ends (Database#inWriteTransaction).
            Optional<Integer> upvotes = h.createQuery("SELECT upvotes FROM paper WHERE id = :id")
                    .bind("id", paper.value())
                    .mapTo(Integer.class)
                    .findOne();
            if (upvotes.isEmpty()) {
                return Optional.empty();
            }
            // The featured row's primary key decides a race between two submissions of one paper.
            int featured = h.createUpdate("""
                            INSERT INTO featured (paper_id, day, featured_at, submitted_by, upvotes, trending)
                            VALUES (:id, :day, :at, :handle, :upvotes, :trending)
                            ON CONFLICT (paper_id) DO NOTHING""")
                    .bind("id", paper.value()).bind("day", day.toString()).bind("at", at.toString())
                    .bind("handle", handle).bind("upvotes", upvotes.get())
                    .bind("trending", TrendingScore.score(upvotes.get(), at))
                    .execute();
            if (featured == 0) {
                return Optional.empty();
            }
            markWritten(h, paper, at);
            long id = h.createQuery("""
                            INSERT INTO submission (paper_id, member_id, day, submitted_at)
                            VALUES (:id, :member, :day, :at)
                            RETURNING id""")
                    .bind("id", paper.value()).bind("member", memberId).bind("day", day.toString())
                    .bind("at", at.toString())
                    .mapTo(Long.class)
                    .one();
            return Optional.of(new Submission(id, paper, memberId, day, at, Optional.empty(), Optional.empty()));
        });
    }

    /** The search index syncs papers written since its checkpoint; featuring changes what it holds of one. */
    private static void markWritten(Handle h, ArxivId paper, Instant at) {
        h.createUpdate("UPDATE paper SET updated_at = :at WHERE id = :id")
                .bind("id", paper.value()).bind("at", at.toString())
                .execute();
    }

    @Override
    public int countOn(long memberId, LocalDate day) {
        return handles.read(h -> h.createQuery(
                        "SELECT COUNT(*) FROM submission WHERE member_id = :member AND day = :day")
                .bind("member", memberId).bind("day", day.toString())
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public Optional<Submission> find(long id) {
        return handles.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM submission s WHERE s.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> submission(rs))
                .findOne());
    }

    @Override
    public Optional<FeaturedBy> featuredBy(ArxivId paper) {
        return handles.read(h -> h.createQuery("""
                        SELECT f.paper_id, f.day, s.id AS submission_id, m.id AS member_id, m.handle,
                            m.display_name
                        FROM featured f
                        LEFT JOIN submission s
                            ON s.paper_id = f.paper_id AND s.submitted_at = f.featured_at AND s.hidden_at IS NULL
                        LEFT JOIN member m ON m.id = s.member_id
                        WHERE f.paper_id = :id""")
                .bind("id", paper.value())
                .map((rs, ctx) -> {
                    Optional<MemberName> member = memberName(rs);
                    long submission = rs.getLong("submission_id");
                    return new FeaturedBy(paper, LocalDate.parse(rs.getString("day")), member,
                            member.map(m -> submission));
                })
                .findOne());
    }

    @Override
    public Map<ArxivId, MemberName> submitters(List<ArxivId> papers) {
        if (papers.isEmpty()) {
            return Map.of();
        }
        Map<ArxivId, MemberName> found = new HashMap<>();
        handles.read(h -> h.createQuery("""
                        SELECT f.paper_id, m.id AS member_id, m.handle, m.display_name
                        FROM featured f
                        JOIN submission s
                            ON s.paper_id = f.paper_id AND s.submitted_at = f.featured_at AND s.hidden_at IS NULL
                        JOIN member m ON m.id = s.member_id
                        WHERE f.paper_id IN (<ids>)""")
                .bindList("ids", papers.stream().map(ArxivId::value).toList())
                .map((rs, ctx) -> Map.entry(new ArxivId(rs.getString("paper_id")), memberName(rs).orElseThrow()))
                .list())
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    @Override
    public List<Submission> byMember(long memberId, int limit) {
        return handles.read(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM submission s WHERE s.member_id = :member ORDER BY s.submitted_at DESC, s.id DESC"
                        + " LIMIT :limit")
                .bind("member", memberId).bind("limit", limit)
                .map((rs, ctx) -> submission(rs))
                .list());
    }

    @Override
    public boolean hide(long id, Instant at, String reason) {
        return handles.write(h -> {
            Optional<Submission> visible = h.createQuery("SELECT " + COLUMNS
                            + " FROM submission s WHERE s.id = :id AND s.hidden_at IS NULL")
                    .bind("id", id)
                    .map((rs, ctx) -> submission(rs))
                    .findOne();
            if (visible.isEmpty()) {
                return false;
            }
            Submission submission = visible.get();
            h.createUpdate("UPDATE submission SET hidden_at = :at, hidden_reason = :reason WHERE id = :id")
                    .bind("id", id).bind("at", at.toString()).bind("reason", reason)
                    .execute();
            int removed = h.createUpdate("DELETE FROM featured WHERE paper_id = :paper AND featured_at = :featuredAt")
                    .bind("paper", submission.paper().value())
                    .bind("featuredAt", submission.submittedAt().toString())
                    .execute();
            if (removed > 0) {
                markWritten(h, submission.paper(), at);
            }
            return true;
        });
    }

    private static Optional<MemberName> memberName(ResultSet rs) throws SQLException {
        String handle = rs.getString("handle");
        return handle == null ? Optional.empty()
                : Optional.of(new MemberName(rs.getLong("member_id"), handle, rs.getString("display_name")));
    }

    private static Submission submission(ResultSet rs) throws SQLException {
        String hiddenAt = rs.getString("hidden_at");
        return new Submission(rs.getLong("id"), new ArxivId(rs.getString("paper_id")), rs.getLong("member_id"),
                LocalDate.parse(rs.getString("day")), Instant.parse(rs.getString("submitted_at")),
                Optional.ofNullable(hiddenAt).map(Instant::parse), Optional.ofNullable(rs.getString("hidden_reason")));
    }
}
