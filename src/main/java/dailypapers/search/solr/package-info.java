/**
 * {@link dailypapers.search.SearchIndex} on a SolrCloud cluster ({@code search.engine=solr}), through SolrJ over the
 * JDK's HTTP client. Start at {@link dailypapers.search.solr.SolrSearchIndex}; {@link dailypapers.search.solr.Configset}
 * is the schema the app uploads, {@link dailypapers.search.solr.SolrCollections} the collections and alias behind
 * the generations, {@link dailypapers.search.solr.SolrQueries} the keyword queries in Solr's JSON query DSL.
 */
package dailypapers.search.solr;
