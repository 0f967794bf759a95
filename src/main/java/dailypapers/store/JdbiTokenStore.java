package dailypapers.store;

import dailypapers.token.AccessToken;
import dailypapers.token.TokenScope;
import dailypapers.token.TokenStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link TokenStore} on the api_token table, in SQL that SQLite and PostgreSQL both run. */
public final class JdbiTokenStore implements TokenStore {

    private static final String COLUMNS = "id, member_id, name, scope, created_at, last_used_at";

    private final HandleSource handles;

    public JdbiTokenStore(Database database) {
        this.handles = HandleSource.of(database);
    }

    @Override
    public Optional<AccessToken> create(NewToken token, int max) {
        // One statement: the count and the insert see the same rows (SQLite runs one writer at a time; on
        // PostgreSQL two concurrent creations may each see one fewer, which costs at most a token over the cap).
        return handles.write(h -> h.createQuery("""
                        INSERT INTO api_token (member_id, token_hash, name, scope, created_at)
                        SELECT :member, :hash, :name, :scope, :at
                        WHERE (SELECT COUNT(*) FROM api_token WHERE member_id = :member) < :max
                        RETURNING""" + " " + COLUMNS)
                .bind("member", token.memberId())
                .bind("hash", token.tokenHash())
                .bind("name", token.name())
                .bind("scope", token.scope().key())
                .bind("at", StoredTimes.sortable(token.createdAt()))
                .bind("max", max)
                .map((rs, ctx) -> token(rs))
                .findOne());
    }

    @Override
    public List<AccessToken> tokens(long memberId) {
        return handles.read(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM api_token WHERE member_id = :member ORDER BY created_at DESC, id DESC")
                .bind("member", memberId)
                .map((rs, ctx) -> token(rs))
                .list());
    }

    @Override
    public Optional<AccessToken> byHash(String tokenHash) {
        return handles.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> token(rs))
                .findOne());
    }

    @Override
    public boolean revoke(long memberId, long tokenId) {
        return handles.write(h -> h.createUpdate("DELETE FROM api_token WHERE id = :id AND member_id = :member")
                .bind("id", tokenId)
                .bind("member", memberId)
                .execute()) > 0;
    }

    @Override
    public int revokeAll(long memberId) {
        return handles.write(h -> h.createUpdate("DELETE FROM api_token WHERE member_id = :member")
                .bind("member", memberId)
                .execute());
    }

    @Override
    public void touch(long tokenId, Instant at) {
        handles.write(h -> h.createUpdate("UPDATE api_token SET last_used_at = :at WHERE id = :id")
                .bind("at", StoredTimes.sortable(at))
                .bind("id", tokenId)
                .execute());
    }

    private static AccessToken token(ResultSet rs) throws SQLException {
        String lastUsed = rs.getString("last_used_at");
        return new AccessToken(rs.getLong("id"), rs.getLong("member_id"), rs.getString("name"),
                TokenScope.of(rs.getString("scope")), Instant.parse(rs.getString("created_at")),
                Optional.ofNullable(lastUsed).map(Instant::parse));
    }
}
