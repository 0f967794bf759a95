package dailypapers.search;

import java.util.ArrayList;
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

    /** Builds a highlight from runs of text, as an engine's formatter walks the passages. */
    public static final class Builder {

        private final List<Fragment> fragments = new ArrayList<>();

        /** Appends text, joining it to the previous fragment when both are matches or both are not. */
        public Builder add(String text, boolean isMatch) {
            if (text.isEmpty()) {
                return this;
            }
            if (!fragments.isEmpty() && fragments.getLast().isMatch() == isMatch) {
                Fragment last = fragments.removeLast();
                fragments.add(new Fragment(last.text() + text, isMatch));
            } else {
                fragments.add(new Fragment(text, isMatch));
            }
            return this;
        }

        public boolean isEmpty() {
            return fragments.isEmpty();
        }

        /** Drops trailing white space after the last match. */
        public Builder trimEnd() {
            if (!fragments.isEmpty() && !fragments.getLast().isMatch()) {
                Fragment last = fragments.removeLast();
                String text = last.text().stripTrailing();
                if (!text.isEmpty()) {
                    fragments.add(new Fragment(text, false));
                }
            }
            return this;
        }

        public Highlight build() {
            return new Highlight(fragments);
        }
    }
}
