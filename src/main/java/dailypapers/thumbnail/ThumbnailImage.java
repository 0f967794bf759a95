package dailypapers.thumbnail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** A rendered thumbnail as stored and served: the encoded image, its media type and what points at it. */
public record ThumbnailImage(byte[] bytes, String mediaType, Thumbnail thumbnail) {

    /** Hex digits of the image's SHA-256 kept as its version: enough to tell renderings of one paper apart. */
    private static final int VERSION_BYTES = 8;

    public ThumbnailImage {
        Objects.requireNonNull(bytes);
        Objects.requireNonNull(mediaType);
        Objects.requireNonNull(thumbnail);
    }

    /** An image whose version is derived from its bytes. */
    public static ThumbnailImage of(byte[] bytes, String mediaType, int width, int height) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(mediaType.getBytes(StandardCharsets.US_ASCII));
            byte[] hash = digest.digest(bytes);
            return new ThumbnailImage(bytes, mediaType,
                    new Thumbnail(HexFormat.of().formatHex(hash, 0, VERSION_BYTES), width, height));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
