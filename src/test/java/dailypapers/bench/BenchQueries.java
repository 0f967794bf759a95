package dailypapers.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Queries as people type them into a paper search: two to five content words of a real title, in title order
 * ("diffusion video generation", "retrieval augmented language models"); one in six also carries a filter.
 */
final class BenchQueries {

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for",
            "from", "in", "into", "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "via",
            "with", "we", "our", "how", "what", "when", "why", "can", "do", "does", "not", "towards", "using",
            "through", "beyond", "all", "you", "need");
    private static final List<String> FILTERS = List.of("cat:cs.CL", "year:2024..2025", "has:code", "cat:cs.CV",
            "year:2025", "cat:cs.LG");

    private BenchQueries() {
    }

    /** {@code count} distinct queries. */
    static List<String> from(RealPapers real, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> queries = new LinkedHashSet<>(count);
        while (queries.size() < count) {
            RealPapers.Paper paper = real.papers().get(random.nextInt(real.papers().size()));
            List<String> words = new ArrayList<>();
            for (String word : paper.title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+")) {
                if (word.length() >= 3 && !STOP_WORDS.contains(word)) {
                    words.add(word);
                }
            }
            int wanted = 2 + random.nextInt(4);
            if (words.size() < 2) {
                continue;
            }
            String query = String.join(" ", words.subList(0, Math.min(wanted, words.size())));
            if (random.nextInt(6) == 0) {
                query += " " + FILTERS.get(random.nextInt(FILTERS.size()));
            }
            queries.add(query);
        }
        return List.copyOf(queries);
    }
}
