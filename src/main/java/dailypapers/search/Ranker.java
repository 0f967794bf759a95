package dailypapers.search;

import dailypapers.embedding.Encoder;
import dailypapers.paper.ArxivId;
import dailypapers.search.Fusion.FusedHit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a search ranks, the one implementation of it: parses the query syntax ({@link UserQuery}), puts an exact
 * arXiv id or title first, picks the mode (hybrid by default), falls back to keyword search, and says so, when the
 * model or the vectors are missing, and fuses keyword and semantic rankings. It reads the index only, never the
 * database, so an evaluation over a test collection ({@code dailypapers.eval.SearchEvaluation}) measures exactly
 * the ranking people get; {@link SearchService} adds paging, the rows from the database and snippets.
 */
public final class Ranker {

    private static final Logger log = LoggerFactory.getLogger(Ranker.class);

    /** Runs the parts of one search that can go in parallel; virtual threads, so it needs no sizing or shutdown. */
    private static final Executor PARTS = Executors.newVirtualThreadPerTaskExecutor();

    private final SearchIndex index;
    private final Optional<QueryEmbeddingCache> queryVectors;
    private final Tuning tuning;

    public Ranker(SearchIndex index, Optional<QueryEmbeddingCache> queryVectors, Tuning tuning) {
        this.index = index;
        this.queryVectors = queryVectors;
        this.tuning = tuning;
    }

    /**
     * Ranking over {@code index} with query vectors from {@code encoder}, keeping {@code cachedQueries} of them
     * (0: none).
     */
    public static Ranker over(SearchIndex index, Optional<Encoder> encoder, int cachedQueries, Tuning tuning) {
        return new Ranker(index, encoder.map(e -> new QueryEmbeddingCache(e, cachedQueries)), tuning);
    }

    /** The embedding model queries are encoded with; empty when semantic search is not configured. */
    public Optional<String> model() {
        return queryVectors.map(QueryEmbeddingCache::model);
    }

    /**
     * Ranks the documents for a request, deep enough for its page ({@code offset + limit}, at most
     * {@link SearchService#MAX_DEPTH}; semantic and hybrid at least the tuning's candidates).
     *
     * @throws InvalidQueryException for a query longer than {@link UserQuery#MAX_LENGTH}, or one the engine refuses
     */
    public Ranking rank(SearchRequest request) {
        if (request.query().length() > UserQuery.MAX_LENGTH) {
            throw new InvalidQueryException(InvalidQueryException.Reason.TOO_LONG, String.format(Locale.ENGLISH,
                    "a query has at most %d characters, got %,d", UserQuery.MAX_LENGTH, request.query().length()));
        }
        UserQuery query = UserQuery.parse(request.query()).narrowedBy(request.within());
        SearchMode requested = request.mode().orElse(SearchMode.HYBRID);
        List<String> notices = new ArrayList<>(query.warnings());
        if (query.isEmpty()) {
            return new Ranking(query, requested, requested, request.order(), List.of(), 0, true, notices);
        }
        if (query.arxivId().isPresent() && query.filters().isEmpty()) {
            ArxivId id = query.arxivId().get();
            if (!index.exactMatches(Optional.of(id.value()), Optional.empty(), Filters.NONE).isEmpty()) {
                return new Ranking(query, requested, requested, request.order(), List.of(RankedHit.exact(id.value())),
                        1, true, notices);
            }
            notices.add("No paper with the id " + id + " is here; showing papers that match the words.");
        }
        ResultOrder order = query.hasWords() || request.order() != ResultOrder.RELEVANCE ? request.order()
                : ResultOrder.DATE;
        SearchMode mode = requested;
        if (mode.needsVectors() && query.hasWords()) {
            Optional<String> unavailable = semanticUnavailable(index.stats(), notices);
            if (unavailable.isPresent()) {
                notices.add(unavailable.get() + " Showing keyword results.");
                mode = SearchMode.KEYWORD;
            }
        } else if (mode.needsVectors()) {
            mode = SearchMode.KEYWORD; // filters alone: there is no text to embed
        }
        if (mode.needsVectors()) {
            Optional<Ranking> semantic = semantic(query, requested, mode, order, request, notices);
            if (semantic.isPresent()) {
                return semantic.get();
            }
            notices.add("The embedding model failed on this query. Showing keyword results.");
        }
        return keyword(query, requested, order, request, notices);
    }

    /**
     * Why semantic search cannot run now, in words for the page; empty when it can, after noting in
     * {@code notices} how many papers it covers when that is not all of them.
     */
    private Optional<String> semanticUnavailable(SearchIndex.Stats stats, List<String> notices) {
        if (queryVectors.isEmpty()) {
            return Optional.of("Semantic search is not available on this instance: no embedding model is"
                    + " configured.");
        }
        if (stats.documentsWithVectors() == 0) {
            return Optional.of("Semantic search is not ready yet: no paper has been embedded so far.");
        }
        if (stats.documentsWithVectors() < stats.documents()) {
            notices.add(String.format(Locale.ENGLISH, "Semantic matching covers %,d of %,d papers so far;"
                    + " the others are found by their words only.", stats.documentsWithVectors(), stats.documents()));
        }
        return Optional.empty();
    }

    private Ranking keyword(UserQuery query, SearchMode requested, ResultOrder order, SearchRequest request,
            List<String> notices) {
        int depth = Math.min(SearchService.MAX_DEPTH, request.offset() + request.limit());
        List<String> pins = order == ResultOrder.RELEVANCE ? pins(query) : List.of();
        Hits hits = index.keyword(query.keywordQuery(order != ResultOrder.RELEVANCE), order, 0,
                depth + pins.size());
        List<RankedHit> ranked = new ArrayList<>();
        pins.forEach(id -> ranked.add(RankedHit.exact(id)));
        Set<String> pinned = new HashSet<>(pins);
        for (int i = 0; i < hits.hits().size(); i++) {
            Hit hit = hits.hits().get(i);
            if (!pinned.contains(hit.id())) {
                ranked.add(new RankedHit(hit.id(), hit.score(), i + 1, 0, false));
            }
        }
        long unmatchedPins = pins.stream().filter(id -> hits.hits().stream().noneMatch(h -> h.id().equals(id)))
                .count();
        return new Ranking(query, requested, SearchMode.KEYWORD, order, ranked, hits.total() + unmatchedPins,
                hits.totalIsExact(), notices);
    }

    /** Semantic or hybrid ranking; empty when the model fails on the query. */
    private Optional<Ranking> semantic(UserQuery query, SearchMode requested, SearchMode mode, ResultOrder order,
            SearchRequest request, List<String> notices) {
        int depth = Math.min(SearchService.MAX_DEPTH,
                Math.max(tuning.candidates(), request.offset() + request.limit()));
        Filters filters = query.filters().withPhrases(query.phrases());
        // Hybrid runs its keyword part beside the query embedding and the graph search: on 1M papers each side
        // takes about 10 ms, and a server rarely has every core busy.
        CompletableFuture<List<Hit>> keyword = mode != SearchMode.HYBRID ? null : CompletableFuture.supplyAsync(
                () -> index.keyword(query.keywordQuery(false), ResultOrder.RELEVANCE, 0, depth).hits(), PARTS);
        Optional<float[]> vector = embed(query.plainText());
        if (vector.isEmpty()) {
            return Optional.empty();
        }
        List<Hit> nearest = index.nearest(vector.get(), filters, depth).hits();
        List<FusedHit> fused;
        if (mode == SearchMode.HYBRID) {
            fused = tuning.fusion().fuse(join(keyword), nearest);
        } else {
            fused = new ArrayList<>();
            for (int i = 0; i < nearest.size(); i++) {
                fused.add(new FusedHit(nearest.get(i).id(), nearest.get(i).score(), 0, i + 1));
            }
        }
        List<String> pins = order == ResultOrder.RELEVANCE ? pins(query) : List.of();
        Set<String> pinned = new HashSet<>(pins);
        List<RankedHit> ranked = new ArrayList<>();
        pins.forEach(id -> ranked.add(RankedHit.exact(id)));
        fused.stream().filter(h -> !pinned.contains(h.id()))
                .forEach(h -> ranked.add(new RankedHit(h.id(), h.score(), h.keywordRank(), h.semanticRank(), false)));
        return Optional.of(new Ranking(query, requested, mode, order, ranked, ranked.size(), true, notices));
    }

    /** The query's vector; empty, with the failure logged, when the model fails on it. */
    private Optional<float[]> embed(String text) {
        try {
            return Optional.of(queryVectors.orElseThrow().embed(text));
        } catch (RuntimeException e) {
            log.warn("the embedding model failed on a query; falling back to keyword search", e);
            return Optional.empty();
        }
    }

    /** The value of a part run beside this thread; its failure is thrown here as it was thrown there. */
    private static <T> T join(CompletableFuture<T> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The paper the query names by its exact title (or id, with filters), when there is one. */
    private List<String> pins(UserQuery query) {
        if (!query.hasWords()) {
            return List.of();
        }
        return index.exactMatches(query.arxivId().map(ArxivId::value), Optional.of(query.plainText()),
                query.filters());
    }

    /**
     * How hybrid search fuses, and how many results each side of a semantic or hybrid search brings.
     */
    public record Tuning(Fusion fusion, int candidates) {

        /** Reciprocal rank fusion with k = 60 of 100 candidates a side: the method's textbook form. */
        public static final Tuning TEXTBOOK = new Tuning(
                new Fusion.ReciprocalRank(Fusion.ReciprocalRank.DEFAULT_K, 0.5), 100);

        public Tuning {
            if (candidates < 1 || candidates > SearchService.MAX_DEPTH) {
                throw new IllegalArgumentException("candidates must be between 1 and " + SearchService.MAX_DEPTH
                        + ", got " + candidates);
            }
        }

        public String describe() {
            return fusion.describe() + ", " + candidates + " candidates";
        }
    }

    /**
     * Ranked ids and what produced them, before paging.
     *
     * @param requestedMode the mode asked for (the default resolved)
     * @param mode          the mode that ran: keyword when vectors or the model are unavailable
     * @param order         the order that applies (a query of filters alone lists newest first); semantic and
     *                      hybrid candidates come in fused order, for {@link SearchService} to reorder by date or
     *                      upvotes
     * @param total         results in all, at least this many when {@code totalIsExact} is false
     */
    public record Ranking(UserQuery query, SearchMode requestedMode, SearchMode mode, ResultOrder order,
            List<RankedHit> hits, long total, boolean totalIsExact, List<String> notices) {

        public Ranking {
            hits = List.copyOf(hits);
            notices = List.copyOf(notices);
        }
    }

    /** One ranked id, its score, its ranks in the keyword and semantic lists (0: absent), and whether pinned. */
    public record RankedHit(String id, double score, int keywordRank, int semanticRank, boolean isExactMatch) {

        static RankedHit exact(String id) {
            return new RankedHit(id, 0, 0, 0, true);
        }
    }
}
