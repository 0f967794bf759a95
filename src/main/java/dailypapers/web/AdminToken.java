package dailypapers.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The operator's secret that opens the admin pages until accounts exist ({@code admin.token}). Compared in
 * constant time; never printed, not even by {@link #toString()}.
 */
public record AdminToken(String value) {

    /** Shorter secrets can be guessed by trying; 16 characters of a random hex string carry 64 bits. */
    public static final int MIN_LENGTH = 16;

    public AdminToken {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the admin token is empty");
        }
        if (value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("must be at least " + MIN_LENGTH + " characters (e.g. from openssl rand"
                    + " -hex 32), got " + value.length());
        }
    }

    /**
     * True when {@code candidate} is the token. Both sides are hashed first, so the comparison takes the same time
     * whatever the candidate's length or its first wrong character.
     */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(sha256(candidate), sha256(value));
    }

    @Override
    public String toString() {
        return "AdminToken[redacted]";
    }

    /** The SHA-256 of the text's UTF-8 bytes. */
    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
