package dailypapers.token;

import java.time.Instant;
import java.util.Optional;

/** A personal access token as stored and listed: never its secret, which only its holder has. */
public record AccessToken(long id, long memberId, String name, TokenScope scope, Instant createdAt,
        Optional<Instant> lastUsedAt) {
}
