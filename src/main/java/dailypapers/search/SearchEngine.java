package dailypapers.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The engines a {@link SearchIndex} can run on, by their name in the {@code search.engine} setting. */
public enum SearchEngine {

    /** Apache Lucene in this process, the index on local disk under the data directory. */
    LUCENE,
    /** A SolrCloud cluster that every app node shares ({@link SolrSettings}). */
    SOLR;

    /**
     * True when every app node uses the same index, so one node at a time keeps it in step with the database;
     * false when each node keeps its own.
     */
    public boolean isShared() {
        return this == SOLR;
    }

    /** The name in settings: {@code lucene}, {@code solr}. */
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
