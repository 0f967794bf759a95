package dailypapers.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine-neutral search seam: documents in; queries, filters and vectors in; ranked ids, scores and snippets
 * out. Lucene in-process implements it today ({@code dailypapers.search.lucene}); a SolrCloud client can implement
 * it later without touching {@link SearchService}.
 *
 * <p>Every ranked answer is ordered completely: equal scores are broken by ascending id, never by the engine's
 * internal order. Writes become visible to searches at {@link #refresh()} or {@link #commit(Map)}; only a commit
 * is durable.
 */
public interface SearchIndex extends AutoCloseable {

    /** Adds documents or replaces those with the same id. */
    void upsert(List<SearchDocument> documents);

    /**
     * Adds documents the index does not hold (after {@link #deleteAll()}): cheaper than {@link #upsert}. Safe to
     * call from several threads at once (a rebuild adds on one thread per core).
     */
    void add(List<SearchDocument> documents);

    void delete(Collection<String> ids);

    /** Removes every document (before a rebuild); the state stays until the next commit. */
    void deleteAll();

    /** Makes writes so far visible to searches, without making them durable. */
    void refresh();

    /** Makes writes durable and visible, and records {@code state} (the sync checkpoint, the vector model). */
    void commit(Map<String, String> state);

    /** The state recorded by the last commit; empty for a new index. */
    Map<String, String> state();

    /** Documents matching a keyword query, ranked in {@code order}, {@code offset} and {@code limit} applied. */
    Hits keyword(KeywordQuery query, ResultOrder order, int offset, int limit);

    /** The {@code k} documents nearest to {@code vector} that pass the filters, most similar first. */
    Hits nearest(float[] vector, Filters filters, int k);

    /** Documents that share the most distinctive words of document {@code id}; for papers without a vector. */
    Hits moreLikeThis(String id, Filters filters, int k);

    /**
     * Ids among the documents that pass the filters whose id is {@code id} or whose title equals {@code title}
     * (ignoring case, punctuation and spacing): the id first, then title matches by id.
     */
    List<String> exactMatches(Optional<String> id, Optional<String> title, Filters filters);

    /** Highlighted title and abstract of each document in {@code ids} for the words of {@code query}. */
    Map<String, Snippets> snippets(KeywordQuery query, List<String> ids);

    /** The {@link SearchDocument#version()} of each of these documents the index holds. */
    Map<String, String> versions(Collection<String> ids);

    Stats stats();

    @Override
    void close();

    /** How many documents the index holds, and how many of them carry a vector. */
    record Stats(long documents, long documentsWithVectors) {
    }
}
