package dailypapers.store;

import dailypapers.account.MemberState;
import dailypapers.paper.ArxivId;
import dailypapers.vote.VoteStore;
import dailypapers.vote.VoteStore.Voter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link VoteStore} on the vote and member tables, in SQL that SQLite and PostgreSQL both run. */
public final class JdbiVoteStore implements VoteStore {

    private final HandleSource handles;

    public JdbiVoteStore(Database database) {
        this(HandleSource.of(database));
    }

    JdbiVoteStore(HandleSource handles) {
        this.handles = handles;
    }

    @Override
    public Optional<Voter> lockVoter(long memberId) {
        // A deleted member keeps their row (and its state column) with deleted_at set.
        return handles.write(h -> h.createQuery("SELECT CASE WHEN deleted_at IS NULL THEN state ELSE 'deleted' END"
                        + " AS state, suspended_until FROM member WHERE id = :id"
                        + (handles.isSqlite() ? "" : " FOR SHARE"))
                .bind("id", memberId)
                .map((rs, ctx) -> new Voter(MemberState.of(rs.getString("state")),
                        Optional.ofNullable(rs.getString("suspended_until")).map(Instant::parse)))
                .findOne());
    }

    @Override
    public Set<ArxivId> upvotedAmong(String voter, List<ArxivId> papers) {
        if (papers.isEmpty()) {
            return Set.of();
        }
        return handles.read(h -> h.createQuery("SELECT paper_id FROM vote WHERE voter = :voter AND paper_id IN (<ids>)")
                .bind("voter", voter)
                .bindList("ids", papers.stream().map(ArxivId::value).toList())
                .mapTo(String.class)
                .stream()
                .map(ArxivId::new)
                .collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public List<CastVote> votesBy(String voter, int offset, int limit) {
        return handles.read(h -> h.createQuery("""
                        SELECT paper_id, created_at FROM vote WHERE voter = :voter
                        ORDER BY created_at DESC, paper_id DESC LIMIT :limit OFFSET :offset""")
                .bind("voter", voter)
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> new CastVote(new ArxivId(rs.getString("paper_id")),
                        Instant.parse(rs.getString("created_at"))))
                .list());
    }

    @Override
    public int countVotesBy(String voter) {
        return handles.read(h -> h.createQuery("SELECT COUNT(*) FROM vote WHERE voter = :voter")
                .bind("voter", voter)
                .mapTo(Integer.class)
                .one());
    }
}
