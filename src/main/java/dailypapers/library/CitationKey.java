package dailypapers.library;

import dailypapers.paper.Paper;
import dailypapers.text.TexText;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The citation key of a paper in our exports, {@code vaswani2017attention_1706.03762}: the first author's last
 * name, the year and the first word of the title that says something, as Google Scholar writes keys, then the
 * arXiv id, which makes the key the same in every export and unique within one.
 */
final class CitationKey {

    private static final Set<String> SKIPPED_WORDS = Set.of("a", "an", "the", "on", "of", "in", "for", "to", "and",
            "with", "from", "is", "are", "do", "does", "how", "what", "why", "when", "towards", "toward");

    private CitationKey() {
    }

    static String of(Paper paper) {
        String author = paper.authors().isEmpty() ? "anonymous" : lastWord(paper.authors().getFirst());
        String word = words(TexText.plain(paper.title())).stream()
                .filter(w -> !SKIPPED_WORDS.contains(w)).findFirst().orElse("");
        return (author.isEmpty() ? "anonymous" : author) + paper.published().getYear() + word + "_"
                + paper.id().value().replace('/', '_');
    }

    private static String lastWord(String name) {
        List<String> words = words(name);
        return words.isEmpty() ? "" : words.getLast();
    }

    /** The words of the text in lower-case ASCII letters and digits, accents and apostrophes taken off. */
    private static List<String> words(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("[\\p{M}'’]", "")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(ascii.split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).toList();
    }
}
