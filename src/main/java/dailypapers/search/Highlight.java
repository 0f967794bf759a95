package dailypapers.search;

import java.util.List;

/**
 * A piece of paper text with the words that matched the query marked. It is plain text in parts, never markup:
 * whoever renders it escapes each fragment and marks the matches in its own syntax.
 */
public record Highlight(List<Fragment> fragments) {

    public Highlight {
        fragments = List.copyOf(fragments);
    }

    public static Highlight plain(String text) {
        return new Highlight(List.of(new Fragment(text, false)));
    }

    /** A run of text; {@code isMatch} when it matched the query. */
    public record Fragment(String text, boolean isMatch) {
    }

    public boolean hasMatches() {
        return fragments.stream().anyMatch(Fragment::isMatch);
    }

    /** The text without marks. */
    public String text() {
        StringBuilder out = new StringBuilder();
        fragments.forEach(f -> out.append(f.text()));
        return out.toString();
    }
}
