package dailypapers.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The engines a {@link SearchIndex} can run on, by their name in the {@code search.engine} setting. */
public enum SearchEngine {

    /** Apache Lucene in this process, the index on local disk under the data directory. */
    LUCENE;

    /** The name in settings: {@code lucene}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SearchEngine> parse(String key) {
        return Arrays.stream(values()).filter(e -> e.key().equals(key.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** Every engine's name, for error messages and documentation. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(SearchEngine::key).toList();
    }
}
