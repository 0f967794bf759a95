package dailypapers.token;

import dailypapers.account.AccountService;
import dailypapers.account.AccountStore;
import dailypapers.account.Member;
import dailypapers.text.CleanText;
import dailypapers.token.TokenStore.NewToken;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Personal access tokens. A secret is {@code dp_} and 256 random bits in URL-safe Base64 (the prefix lets secret
 * scanners and people recognise one); the store keeps only its SHA-256, so a copy of the table authenticates
 * nobody. A token speaks for its member while the member is active: a banned member's tokens stop working at once.
 */
public final class TokenService {

    public static final String PREFIX = "dp_";
    public static final int MAX_NAME_LENGTH = 50;
    public static final int MAX_TOKENS_PER_MEMBER = 20;
    /** A token's last-used time is written at most this often, so API reads rarely write. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final int SECRET_BYTES = 32;
    /** Unpadded Base64 writes 4 characters per 3 bytes, rounded up. */
    private static final int SECRET_LENGTH = PREFIX.length() + (SECRET_BYTES * 4 + 2) / 3;

    private final TokenStore store;
    private final AccountStore members;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TokenService(TokenStore store, AccountStore members, Clock clock) {
        this.store = store;
        this.members = members;
        this.clock = clock;
    }

    /** A new token for the member; its secret is in the result and nowhere else. */
    public IssuedToken create(long memberId, String name, TokenScope scope) {
        String cleaned = name == null ? "" : CleanText.line(name);
        if (cleaned.isEmpty() || cleaned.codePointCount(0, cleaned.length()) > MAX_NAME_LENGTH) {
            throw new TokenException(TokenException.Code.NAME_INVALID,
                    "a token's name has 1 to " + MAX_NAME_LENGTH + " characters");
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        AccessToken token = store.create(new NewToken(memberId, AccountService.tokenHash(secret), cleaned, scope,
                        clock.instant()), MAX_TOKENS_PER_MEMBER)
                .orElseThrow(() -> new TokenException(TokenException.Code.TOO_MANY_TOKENS,
                        "a member has at most " + MAX_TOKENS_PER_MEMBER + " tokens; revoke one first"));
        return new IssuedToken(token, secret);
    }

    /** The member's tokens, newest first, without secrets. */
    public List<AccessToken> tokens(long memberId) {
        return store.tokens(memberId);
    }

    /** Revokes one of the member's own tokens; another member's token is as unknown as a missing one. */
    public void revoke(long memberId, long tokenId) {
        if (!store.revoke(memberId, tokenId)) {
            throw new TokenException(TokenException.Code.NO_SUCH_TOKEN, "no such token");
        }
    }

    /** Revokes all of the member's tokens. */
    public int revokeAll(long memberId) {
        return store.revokeAll(memberId);
    }

    /**
     * Who this secret speaks for: empty for an unknown, revoked or malformed secret and for a member who is not
     * active. Records the use (at most once per {@link #TOUCH_INTERVAL}).
     */
    public Optional<TokenGrant> authenticate(String secret) {
        if (secret == null || secret.length() != SECRET_LENGTH || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<AccessToken> found = store.byHash(AccountService.tokenHash(secret));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AccessToken token = found.get();
        Optional<Member> member = members.member(token.memberId()).filter(m -> !m.isBanned());
        Instant now = clock.instant();
        if (member.isPresent() && token.lastUsedAt().map(at -> !now.isBefore(at.plus(TOUCH_INTERVAL))).orElse(true)) {
            store.touch(token.id(), now);
        }
        return member.map(m -> new TokenGrant(m, token));
    }
}
