package dailypapers.library;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A member's named collection of saved papers.
 *
 * @param papers how many papers it holds
 */
public record PaperCollection(long id, long ownerId, CollectionName name, Visibility visibility, Instant createdAt,
        Instant updatedAt, int papers) {

    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final int MAX_SLUG_CHARS = 60;

    public PaperCollection {
        Objects.requireNonNull(name);
        Objects.requireNonNull(visibility);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(updatedAt);
    }

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }

    public boolean isOwnedBy(long memberId) {
        return ownerId == memberId;
    }

    /**
     * The collection's reference in links, {@code 12-reading-group}: its id, which alone finds it, and a readable
     * slug of its name, which may change with a rename without breaking old links.
     */
    public String reference() {
        String ascii = Normalizer.normalize(name.value(), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-|-$", "");
        if (slug.length() > MAX_SLUG_CHARS) {
            slug = slug.substring(0, MAX_SLUG_CHARS).replaceAll("-$", "");
        }
        return slug.isEmpty() ? String.valueOf(id) : id + "-" + slug;
    }
}
