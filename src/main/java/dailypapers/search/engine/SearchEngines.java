package dailypapers.search.engine;

import dailypapers.search.IndexSnapshot;
import dailypapers.search.SearchEngine;
import dailypapers.search.SearchIndex;
import dailypapers.search.SearchSettings;
import dailypapers.search.SolrSettings;
import dailypapers.search.lucene.LuceneSearchIndex;
import dailypapers.search.solr.SolrSearchIndex;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens the {@link SearchIndex} of the configured {@link SearchEngine}: the one place that knows every engine, so
 * {@code dailypapers.search} itself stays engine-neutral.
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
            case SOLR -> {
                SolrSettings solr = settings.solr();
                yield SolrSearchIndex.open(new SolrSettings(solr.urls(), solr.collection() + EVALUATION_SUFFIX,
                        solr.shards(), solr.replicas()), settings.vectorDimension());
            }
        };
    }

    /**
     * Reads what the index on this machine holds without opening it for writing, so even while a server holds it;
     * empty when there is no index on this machine (none yet, or a shared engine's). Throws
     * {@link java.io.UncheckedIOException} when it cannot be read.
     */
    public static Optional<IndexSnapshot> inspect(SearchEngine engine, Path dataDir) {
        return switch (engine) {
            case LUCENE -> LuceneSearchIndex.inspect(indexPath(dataDir));
            case SOLR -> Optional.empty();
        };
    }

    /** Where a local engine keeps its index: derived data, losing it loses nothing. */
    public static Path indexPath(Path dataDir) {
        return dataDir.resolve("index");
    }
}
