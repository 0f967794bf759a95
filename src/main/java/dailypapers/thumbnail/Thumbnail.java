package dailypapers.thumbnail;

import java.util.Objects;

/**
 * What a card or an API item needs to point at a paper's thumbnail: the version that goes in its URL and the size
 * the page reserves for it.
 *
 * @param version a hash of the image: a new rendering gets a new URL, so a cached one is never stale
 */
public record Thumbnail(String version, int width, int height) {

    public Thumbnail {
        Objects.requireNonNull(version);
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a thumbnail has a size, got " + width + "x" + height);
        }
    }
}
