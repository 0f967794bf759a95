package dailypapers.search;

import java.net.URI;
import java.util.List;

/**
 * Where the Solr engine ({@code search.engine=solr}) finds its SolrCloud cluster and how it lays out the
 * collections it creates.
 *
 * @param urls       base URLs of Solr nodes ({@code http://host:8983/solr}); any one that answers will do
 * @param collection the alias searches go through; each generation is a collection named after it
 * @param shards     shards of each collection the app creates
 * @param replicas   copies of each shard (2 keeps every shard served while one node is down)
 */
public record SolrSettings(List<URI> urls, String collection, int shards, int replicas) {

    public static final String DEFAULT_COLLECTION = "dailypapers";
    public static final int DEFAULT_SHARDS = 2;
    public static final int DEFAULT_REPLICAS = 2;

    public SolrSettings {
        urls = List.copyOf(urls);
    }

    /** The same cluster and layout, behind another alias. */
    public SolrSettings withCollection(String alias) {
        return new SolrSettings(urls, alias, shards, replicas);
    }
}
