package dailypapers.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where personal access tokens are kept (the api_token table), known by the SHA-256 of their secrets. */
public interface TokenStore {

    /** Adds the token unless the member has {@code max} tokens already; empty then. */
    Optional<AccessToken> create(NewToken token, int max);

    /** The member's tokens, newest first. */
    List<AccessToken> tokens(long memberId);

    Optional<AccessToken> byHash(String tokenHash);

    /** Deletes the member's token; false when the member has no token of that id. */
    boolean revoke(long memberId, long tokenId);

    /** Deletes every token of the member (for a ban or a deleted account); returns how many there were. */
    int revokeAll(long memberId);

    /** Records that the token was used at {@code at}. */
    void touch(long tokenId, Instant at);

    record NewToken(long memberId, String tokenHash, String name, TokenScope scope, Instant createdAt) {
    }
}
