package dailypapers.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The text a paper is embedded from (title, a blank line, abstract) and its fingerprint. */
public final class EmbeddingText {

    private EmbeddingText() {
    }

    public static String of(String title, String abstractText) {
        return title.strip() + "\n\n" + abstractText.strip();
    }

    /** First 16 bytes of SHA-256, hex: enough to notice that the text changed. */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
