package dailypapers.account;

import java.time.Instant;

/**
 * A signed-in session as its client holds it: the token (256 random bits, URL-safe Base64) goes into a cookie and
 * nowhere else; the database has only its SHA-256.
 */
public record Session(String token, long memberId, Instant expiresAt) {

    /** Without the token, so that logging a session never leaks it. */
    @Override
    public String toString() {
        return "Session[member " + memberId + ", expires " + expiresAt + "]";
    }
}
