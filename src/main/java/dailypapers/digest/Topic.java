package dailypapers.digest;

import dailypapers.paper.Category;
import dailypapers.text.CleanText;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a subscriber follows; each is one section of their digests.
 *
 * @param value a category code ({@code cs.CL}), an author's name, a search query; empty for {@link Kind#LIBRARY}
 */
public record Topic(Kind kind, String value) {

    /** Longer author names and queries are refused, not cut (the search box takes 250 characters too). */
    public static final int MAX_VALUE_LENGTH = 250;

    public enum Kind {
        /** New papers in an arXiv category or archive ({@code cs} for every {@code cs.*}). */
        CATEGORY,
        /** New papers with an author of this name. */
        AUTHOR,
        /** New papers a saved search finds. */
        QUERY,
        /** For members: new papers most like the ones in their library. */
        LIBRARY;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> parse(String key) {
            for (Kind kind : values()) {
                if (kind.key().equals(key)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Cleans the value (one line of text, stripped) and checks it for its kind; throws
     * {@link IllegalArgumentException} with a message a subscriber can act on.
     */
    public Topic {
        Objects.requireNonNull(kind, "kind");
        value = CleanText.line(Objects.requireNonNull(value, "value")).strip();
        switch (kind) {
            case CATEGORY -> {
                if (!Category.isWellFormed(value) || value.length() > Category.MAX_LENGTH) {
                    throw new IllegalArgumentException("enter an arXiv category such as cs.CL or an archive such"
                            + " as cs");
                }
            }
            case AUTHOR, QUERY -> {
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("enter " + (kind == Kind.AUTHOR ? "an author's name"
                            : "a search"));
                }
                if (value.length() > MAX_VALUE_LENGTH) {
                    throw new IllegalArgumentException("keep it under " + MAX_VALUE_LENGTH + " characters");
                }
            }
            case LIBRARY -> {
                if (!value.isEmpty()) {
                    throw new IllegalArgumentException("the library topic takes no value");
                }
            }
        }
    }

    public static Topic category(String code) {
        return new Topic(Kind.CATEGORY, code);
    }

    public static Topic author(String name) {
        return new Topic(Kind.AUTHOR, name);
    }

    public static Topic query(String query) {
        return new Topic(Kind.QUERY, query);
    }

    public static Topic library() {
        return new Topic(Kind.LIBRARY, "");
    }
}
