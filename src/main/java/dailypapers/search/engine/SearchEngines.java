package dailypapers.search.engine;

import dailypapers.search.IndexSnapshot;
import dailypapers.search.SearchIndex;
import dailypapers.search.SearchSettings;
import dailypapers.search.lucene.LuceneSearchIndex;
import dailypapers.search.solr.SolrSearchIndex;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens the {@link SearchIndex} of the configured {@link dailypapers.search.SearchEngine}: the one place that
 * knows every engine, so {@code dailypapers.search} itself stays engine-neutral.
 */
public final class SearchEngines {

    /** The alias an evaluation's collection goes behind on Solr, after the configured one. */
    private static final String EVALUATION_SUFFIX = "-eval";

    private SearchEngines() {
    }

    /**
     * Opens the index; {@code dataDir} is where an engine on local disk keeps it.
     *
     * @throws dailypapers.search.IndexUnavailableException when another process holds a local index, or a shared
     *                                                      engine cannot be reached
     */
    public static SearchIndex open(SearchSettings settings, Path dataDir) {
        return switch (settings.engine()) {
            case LUCENE -> LuceneSearchIndex.open(indexPath(dataDir));
            case SOLR -> SolrSearchIndex.open(settings.solr(), settings.vectorDimension());
        };
    }

    /**
     * An index for an evaluation's collection, apart from the site's: in memory for Lucene; on Solr, behind its own
     * alias ({@code <search.solr.collection>-eval}), which the next evaluation rebuilds.
     */
    public static SearchIndex openForEvaluation(SearchSettings settings) {
        return switch (settings.engine()) {
            case LUCENE -> LuceneSearchIndex.inMemory();
            case SOLR -> SolrSearchIndex.open(settings.solr().withCollection(settings.solr().collection()
                    + EVALUATION_SUFFIX), settings.vectorDimension());
        };
    }

    /**
     * Reads what the index holds without opening it for writing, so even while a server holds it; empty when there
     * is no index yet. Throws {@link java.io.UncheckedIOException} when it cannot be read.
     */
    public static Optional<IndexSnapshot> inspect(SearchSettings settings, Path dataDir) {
        return switch (settings.engine()) {
            case LUCENE -> LuceneSearchIndex.inspect(indexPath(dataDir));
            case SOLR -> SolrSearchIndex.inspect(settings.solr());
        };
    }

    /** Where a local engine keeps its index: derived data, losing it loses nothing. */
    public static Path indexPath(Path dataDir) {
        return dataDir.resolve("index");
    }
}
