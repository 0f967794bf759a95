package dailypapers.search.engine;

import dailypapers.search.IndexSnapshot;
import dailypapers.search.SearchEngine;
import dailypapers.search.SearchIndex;
import dailypapers.search.lucene.LuceneSearchIndex;
import java.nio.file.Path;
import java.util.Optional;

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

    /**
     * Reads what the index on this machine holds without opening it for writing, so even while a server holds it;
     * empty when there is no index yet. Throws {@link java.io.UncheckedIOException} when it cannot be read.
     */
    public static Optional<IndexSnapshot> inspect(SearchEngine engine, Path dataDir) {
        return switch (engine) {
            case LUCENE -> LuceneSearchIndex.inspect(indexPath(dataDir));
        };
    }

    /** Where a local engine keeps its index: derived data, losing it loses nothing. */
    public static Path indexPath(Path dataDir) {
        return dataDir.resolve("index");
    }
}
