package dailypapers.store;

import dailypapers.paper.ArxivId;
import dailypapers.submission.Claim;
import dailypapers.submission.ClaimState;
import dailypapers.submission.ClaimStore;
import dailypapers.submission.MemberName;
import dailypapers.submission.SubmissionException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ClaimStore} on the author_claim table, in SQL that SQLite and PostgreSQL both run. Its partial unique
 * indexes decide between racing requests: one open claim per member and paper, one confirmed member per byline name.
 */
public final class JdbiClaimStore implements ClaimStore {

    private static final String COLUMNS =
            "c.id, c.paper_id, c.member_id, c.author_name, c.state, c.created_at, c.decided_by, c.decided_at";

    private final HandleSource handles;

    public JdbiClaimStore(Database database) {
        this(HandleSource.versioned(database));
    }

    JdbiClaimStore(HandleSource handles) {
        this.handles = handles;
    }

    @Override
    public Optional<Claim> create(ArxivId paper, long memberId, String authorName, Instant at) {
        return handles.write(h -> h.createQuery("""
                        INSERT INTO author_claim (paper_id, member_id, author_name, state, created_at)
                        VALUES (:paper, :member, :author, 'pending', :at)
                        ON CONFLICT DO NOTHING
                        RETURNING id""")
                .bind("paper", paper.value()).bind("member", memberId).bind("author", authorName)
                .bind("at", at.toString())
                .mapTo(Long.class)
                .findOne()
                .map(id -> new Claim(id, paper, memberId, authorName, ClaimState.PENDING, at, Optional.empty(),
                        Optional.empty())));
    }

    @Override
    public Optional<Claim> find(long id) {
        return handles.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM author_claim c WHERE c.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> claim(rs))
                .findOne());
    }

    @Override
    public List<PendingClaim> pending(int limit) {
        return handles.read(h -> h.createQuery("SELECT " + COLUMNS + """
                        , m.handle, m.display_name, p.title
                        FROM author_claim c
                        JOIN member m ON m.id = c.member_id
                        JOIN paper p ON p.id = c.paper_id
                        WHERE c.state = 'pending'
                        ORDER BY c.created_at, c.id
                        LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new PendingClaim(claim(rs), new MemberName(rs.getLong("member_id"),
                        rs.getString("handle"), rs.getString("display_name")), rs.getString("title")))
                .list());
    }

    /**
     * Runs in a write transaction, which lets one writer in at a time on both databases, so the look for another
     * confirmed member cannot miss one confirmed meanwhile; the unique index stands behind it.
     */
    @Override
    public boolean decide(long id, ClaimState decision, long moderatorId, Instant at) {
        return handles.write(h -> {
            Optional<Claim> pending = h.createQuery("SELECT " + COLUMNS
                            + " FROM author_claim c WHERE c.id = :id AND c.state = 'pending'")
                    .bind("id", id)
                    .map((rs, ctx) -> claim(rs))
                    .findOne();
            if (pending.isEmpty()) {
                return false;
            }
            Claim claim = pending.get();
            if (decision == ClaimState.CONFIRMED && h.createQuery("""
                            SELECT COUNT(*) FROM author_claim
                            WHERE paper_id = :paper AND author_name = :author AND state = 'confirmed'""")
                    .bind("paper", claim.paper().value()).bind("author", claim.authorName())
                    .mapTo(Integer.class).one() > 0) {
                throw new SubmissionException(SubmissionException.Code.AUTHOR_TAKEN, "Another member is confirmed "
                        + "as " + claim.authorName() + " on this paper already; reject this claim or that one first.");
            }
            return h.createUpdate("""
                            UPDATE author_claim SET state = :state, decided_by = :moderator, decided_at = :at
                            WHERE id = :id AND state = 'pending'""")
                    .bind("id", id).bind("state", decision.key()).bind("moderator", moderatorId)
                    .bind("at", at.toString())
                    .execute() == 1;
        });
    }

    @Override
    public Set<Long> confirmedAuthors(ArxivId paper) {
        return handles.read(h -> new HashSet<>(h.createQuery(
                        "SELECT member_id FROM author_claim WHERE paper_id = :paper AND state = 'confirmed'")
                .bind("paper", paper.value())
                .mapTo(Long.class)
                .list()));
    }

    @Override
    public List<ConfirmedAuthor> confirmedAuthorNames(ArxivId paper) {
        return handles.read(h -> h.createQuery("""
                        SELECT c.author_name, m.id, m.handle, m.display_name
                        FROM author_claim c JOIN member m ON m.id = c.member_id
                        WHERE c.paper_id = :paper AND c.state = 'confirmed'""")
                .bind("paper", paper.value())
                .map((rs, ctx) -> new ConfirmedAuthor(rs.getString("author_name"), new MemberName(rs.getLong("id"),
                        rs.getString("handle"), rs.getString("display_name"))))
                .list());
    }

    @Override
    public List<ArxivId> confirmedPapers(long memberId, int limit) {
        return handles.read(h -> h.createQuery("""
                        SELECT c.paper_id FROM author_claim c JOIN paper p ON p.id = c.paper_id
                        WHERE c.member_id = :member AND c.state = 'confirmed'
                        ORDER BY p.published DESC, c.paper_id DESC
                        LIMIT :limit""")
                .bind("member", memberId).bind("limit", limit)
                .map((rs, ctx) -> new ArxivId(rs.getString("paper_id")))
                .list());
    }

    @Override
    public List<Claim> claims(ArxivId paper, long memberId) {
        return handles.read(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM author_claim c WHERE c.paper_id = :paper AND c.member_id = :member
                        ORDER BY c.created_at DESC, c.id DESC""")
                .bind("paper", paper.value()).bind("member", memberId)
                .map((rs, ctx) -> claim(rs))
                .list());
    }

    @Override
    public List<Claim> claimsBy(long memberId) {
        return handles.read(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM author_claim c WHERE c.member_id = :member
                        ORDER BY c.created_at, c.id""")
                .bind("member", memberId)
                .map((rs, ctx) -> claim(rs))
                .list());
    }

    private static Claim claim(ResultSet rs) throws SQLException {
        long decidedBy = rs.getLong("decided_by");
        Optional<Long> decider = rs.wasNull() ? Optional.empty() : Optional.of(decidedBy);
        String decidedAt = rs.getString("decided_at");
        return new Claim(rs.getLong("id"), new ArxivId(rs.getString("paper_id")), rs.getLong("member_id"),
                rs.getString("author_name"), ClaimState.of(rs.getString("state")),
                Instant.parse(rs.getString("created_at")), decider, Optional.ofNullable(decidedAt).map(Instant::parse));
    }
}
