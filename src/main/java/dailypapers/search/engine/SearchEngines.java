package dailypapers.search.engine;

import dailypapers.search.SearchEngine;
import dailypapers.search.SearchIndex;
import dailypapers.search.lucene.LuceneSearchIndex;
import java.nio.file.Path;

/**
 * Opens the {@link SearchIndex} of the configured {@link SearchEngine}: the one place that knows every engine, so
 * {@code dailypapers.search} itself stays engine-neutral.
 */
public final class SearchEngines {

    private SearchEngines() {
    }

    /**
     * Opens the index; {@code dataDir} is where an engine on local disk keeps it.
     *
     * @throws dailypapers.search.IndexUnavailableException when another process holds a local index
     */
    public static SearchIndex open(SearchEngine engine, Path dataDir) {
        return switch (engine) {
            case LUCENE -> LuceneSearchIndex.open(indexPath(dataDir));
        };
    }

    /** Where a local engine keeps its index: derived data, losing it loses nothing. */
    public static Path indexPath(Path dataDir) {
        return dataDir.resolve("index");
    }
}
