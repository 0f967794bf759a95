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
 * <p>Every ranked answer is ordered completely and the same way in every order: by the order's own keys (score;
 * publication date; upvotes, then publication date), then by descending id, never by the engine's internal order.
 * Writes become visible to searches at {@link #refresh()} or {@link #commit()}; only a commit is durable.
 *
 * <p>The index serves one <em>generation</em> at a time. {@link #rebuild()} fills a new generation beside the live
 * one and swaps it in at once, so searches see the old documents until the new ones are complete. Where a sync
 * stands is not the engine's business: {@link SearchIndexer} keeps it in the database, keyed by
 * {@link #generation()}.
 *
 * <p>A query the engine refuses for its shape (too many clauses) is an {@link InvalidQueryException}; any other
 * exception is a fault.
 */
public interface SearchIndex extends AutoCloseable {

    /**
     * Names the generation this index serves: a new value after every {@link Rebuild#swap()}, and a different one
     * for each index that is not shared (each machine's own Lucene index), the same one for all nodes of a shared
     * engine. The sync checkpoint is stored under it.
     */
    String generation();

    /**
     * Changes whenever what searches see changes (a refresh or commit that brought writes, a swap); equal values
     * mean equal answers to equal queries. Cheap: callers ask per request.
     */
    String version();

    /** Adds documents or replaces those with the same id. */
    void upsert(List<SearchDocument> documents);

    /** Removes the documents with these ids; unknown ids are ignored. */
    void delete(Collection<String> ids);

    /** Makes writes so far visible to searches, without making them durable. */
    void refresh();

    /** Makes writes durable and visible. */
    void commit();

    /**
     * Starts a new, empty generation beside the live one. Searches and writes keep using the live generation until
     * {@link Rebuild#swap()}; closing the rebuild without a swap discards it.
     */
    Rebuild rebuild();

    /** Documents matching a keyword query, ranked in {@code order}, {@code offset} and {@code limit} applied. */
    Hits keyword(KeywordQuery query, ResultOrder order, int offset, int limit);

    /** The {@code k} documents nearest to {@code vector} that pass the filters, most similar first. */
    Hits nearest(float[] vector, Filters filters, int k);

    /** Documents that share the most distinctive words of document {@code id}; for papers without a vector. */
    Hits moreLikeThis(String id, Filters filters, int k);

    /**
     * Ids among the documents that pass the filters whose id is {@code id} or whose title equals {@code title}
     * (ignoring case, punctuation and spacing): the id first, then title matches by descending id.
     */
    List<String> exactMatches(Optional<String> id, Optional<String> title, Filters filters);

    /**
     * The title and abstract of each text, by id, with the words of {@code query} marked where the engine
     * matched them; texts whose id the engine does not hold are left out. The texts are the caller's (the rows it
     * shows), so an engine need not read its own copy; where a text is not the one the engine holds (a row changed
     * since the last sync), the engine marks its own copy instead.
     */
    Map<String, Snippets> snippets(KeywordQuery query, List<SnippetText> texts);

    /** The {@link SearchDocument#version()} of each of these documents the index holds. */
    Map<String, String> versions(Collection<String> ids);

    Stats stats();

    /**
     * Why the index cannot serve searches now (closed, or its writer failed for good); empty when it can. Cheap and
     * without I/O: readiness probes ask every second or two.
     */
    Optional<String> fault();

    @Override
    void close();

    /** How many documents the index holds, and how many of them carry a vector. */
    record Stats(long documents, long documentsWithVectors) {
    }

    /** A generation being built beside the live one. */
    interface Rebuild extends AutoCloseable {

        /** The generation this rebuild makes, {@link SearchIndex#generation()} once swapped in. */
        String generation();

        /** Adds documents (each id once per rebuild); safe to call from several threads at once. */
        void add(List<SearchDocument> documents);

        /**
         * Makes the new generation durable and, in one step, the live one; the old generation is discarded.
         * Searches running meanwhile finish on the old one.
         */
        void swap();

        /** Discards the new generation unless it was swapped in. */
        @Override
        void close();
    }
}
