package dailypapers.search;

import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperEntry;
import dailypapers.search.Fusion.FusedHit;
import dailypapers.search.VectorStore.StoredVector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search as people use it: parses the query syntax ({@link UserQuery}), puts an exact arXiv id or title first,
 * picks the mode (hybrid by default), falls back to keyword search, and says so, when the model or the vectors
 * are missing, fuses keyword and semantic rankings, pages, and attaches highlighted snippets and fresh community
 * data from the database.
 */
public final class SearchService {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);

    /** The deepest result reachable by paging. */
    public static final int MAX_DEPTH = 1_000;
    /** Semantic and hybrid search look at least this many nearest papers (and keyword hits) before fusing. */
    public static final int CANDIDATES = 100;

    /** Runs the parts of one search that can go in parallel; virtual threads, so it needs no sizing or shutdown. */
    private static final Executor PARTS = Executors.newVirtualThreadPerTaskExecutor();

    private final SearchIndex index;
    private final SearchStore papers;
    private final VectorStore vectors;
    private final SearchIndexer indexer;
    private final Retriever retriever;

    public SearchService(SearchIndex index, SearchStore papers, VectorStore vectors, SearchIndexer indexer,
            Retriever retriever) {
        this.index = index;
        this.papers = papers;
        this.vectors = vectors;
        this.indexer = indexer;
        this.retriever = retriever;
    }

    /** Runs a search; a query longer than {@link UserQuery#MAX_LENGTH} is refused. */
    public SearchResult search(SearchRequest request) {
        if (request.query().length() > UserQuery.MAX_LENGTH) {
            throw new IllegalArgumentException("a query has at most " + UserQuery.MAX_LENGTH + " characters, got "
                    + request.query().length());
        }
        UserQuery query = UserQuery.parse(request.query());
        SearchMode requested = request.mode().orElse(SearchMode.HYBRID);
        List<String> notices = new ArrayList<>(query.warnings());
        if (indexer.isBuilding()) {
            notices.add("The search index is being built; results may be incomplete for a few minutes.");
        }
        if (query.isEmpty()) {
            return new SearchResult(query, requested, requested, request.order(), List.of(), 0, true,
                    request.offset(), request.limit(), notices);
        }
        if (query.arxivId().isPresent() && query.filters().isEmpty()) {
            ArxivId id = query.arxivId().get();
            List<PaperEntry> found = papers.find(List.of(id));
            if (!found.isEmpty()) {
                List<Ranked> ranked = List.of(new Ranked(id.value(), 0, 0, 0, true));
                return page(query, requested, requested, request.order(), ranked, 1, true, request, notices);
            }
            notices.add("No paper with the id " + id + " is here; showing papers that match the words.");
        }
        ResultOrder order = query.hasWords() || request.order() != ResultOrder.RELEVANCE ? request.order()
                : ResultOrder.DATE;
        SearchMode mode = requested;
        if (mode.needsVectors() && query.hasWords()) {
            Optional<String> unavailable = semanticUnavailable();
            if (unavailable.isPresent()) {
                notices.add(unavailable.get() + " Showing keyword results.");
                mode = SearchMode.KEYWORD;
            } else {
                coverage().ifPresent(notices::add);
            }
        } else if (mode.needsVectors()) {
            mode = SearchMode.KEYWORD; // filters alone: there is no text to embed
        }
        if (mode.needsVectors()) {
            try {
                return semantic(query, requested, mode, order, request, notices);
            } catch (RuntimeException e) {
                log.warn("semantic search failed for a query; falling back to keyword search", e);
                notices.add("The embedding model failed on this query. Showing keyword results.");
                mode = SearchMode.KEYWORD;
            }
        }
        return keyword(query, requested, order, request, notices);
    }

    /** Why semantic search cannot run now, in words for the page; empty when it can. */
    private Optional<String> semanticUnavailable() {
        if (!retriever.canEmbed()) {
            return Optional.of("Semantic search is not available on this instance: no embedding model is"
                    + " configured.");
        }
        if (index.stats().documentsWithVectors() == 0) {
            return Optional.of("Semantic search is not ready yet: no paper has been embedded so far.");
        }
        return Optional.empty();
    }

    private Optional<String> coverage() {
        SearchIndex.Stats stats = index.stats();
        if (stats.documentsWithVectors() >= stats.documents()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ENGLISH, "Semantic matching covers %,d of %,d papers so far;"
                + " the others are found by their words only.", stats.documentsWithVectors(), stats.documents()));
    }

    private SearchResult keyword(UserQuery query, SearchMode requested, ResultOrder order, SearchRequest request,
            List<String> notices) {
        int depth = Math.min(MAX_DEPTH, request.offset() + request.limit());
        List<String> pins = order == ResultOrder.RELEVANCE ? pins(query) : List.of();
        Hits hits = index.keyword(query.keywordQuery(order != ResultOrder.RELEVANCE), order, 0,
                depth + pins.size());
        List<Ranked> ranked = new ArrayList<>();
        pins.forEach(id -> ranked.add(new Ranked(id, 0, 0, 0, true)));
        Set<String> pinned = new HashSet<>(pins);
        for (int i = 0; i < hits.hits().size(); i++) {
            Hit hit = hits.hits().get(i);
            if (!pinned.contains(hit.id())) {
                ranked.add(new Ranked(hit.id(), hit.score(), i + 1, 0, false));
            }
        }
        long unmatchedPins = pins.stream().filter(id -> hits.hits().stream().noneMatch(h -> h.id().equals(id)))
                .count();
        return page(query, requested, SearchMode.KEYWORD, order, ranked, hits.total() + unmatchedPins,
                hits.totalIsExact(), request, notices);
    }

    private SearchResult semantic(UserQuery query, SearchMode requested, SearchMode mode, ResultOrder order,
            SearchRequest request, List<String> notices) {
        int depth = Math.min(MAX_DEPTH, Math.max(CANDIDATES, request.offset() + request.limit()));
        Filters filters = query.filters().withPhrases(query.phrases());
        // Hybrid runs its keyword part beside the query embedding and the graph search: on 1M papers each side
        // takes about 10 ms, and a server rarely has every core busy.
        CompletableFuture<List<Hit>> keyword = mode != SearchMode.HYBRID ? null : CompletableFuture.supplyAsync(
                () -> index.keyword(query.keywordQuery(false), ResultOrder.RELEVANCE, 0, depth).hits(), PARTS);
        List<Hit> nearest = index.nearest(retriever.embed(query.plainText()), filters, depth).hits();
        List<FusedHit> fused;
        if (mode == SearchMode.HYBRID) {
            fused = retriever.fusion().fuse(join(keyword), nearest);
        } else {
            fused = new ArrayList<>();
            for (int i = 0; i < nearest.size(); i++) {
                fused.add(new FusedHit(nearest.get(i).id(), nearest.get(i).score(), 0, i + 1));
            }
        }
        List<String> pins = order == ResultOrder.RELEVANCE ? pins(query) : List.of();
        Set<String> pinned = new HashSet<>(pins);
        List<Ranked> ranked = new ArrayList<>();
        pins.forEach(id -> ranked.add(new Ranked(id, 0, 0, 0, true)));
        fused.stream().filter(h -> !pinned.contains(h.id()))
                .forEach(h -> ranked.add(new Ranked(h.id(), h.score(), h.keywordRank(), h.semanticRank(), false)));
        if (order != ResultOrder.RELEVANCE) {
            reorder(ranked, order);
        }
        return page(query, requested, mode, order, ranked, ranked.size(), true, request, notices);
    }

    /** The value of a part run beside this thread; its failure is thrown here as it was thrown there. */
    private static <T> T join(CompletableFuture<T> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Orders candidates by date or upvotes as the database has them now, ties by id as the index does. */
    private void reorder(List<Ranked> ranked, ResultOrder order) {
        Map<String, PaperEntry> entries = entries(ranked.stream().map(Ranked::id).toList());
        ranked.removeIf(r -> !entries.containsKey(r.id()));
        Comparator<Ranked> newest = Comparator.comparing((Ranked r) -> entries.get(r.id()).paper().published())
                .reversed();
        Comparator<Ranked> comparator = switch (order) {
            case DATE -> newest;
            case UPVOTES -> Comparator.comparingInt((Ranked r) -> entries.get(r.id()).upvotes()).reversed()
                    .thenComparing(newest);
            case RELEVANCE -> throw new IllegalArgumentException("relevance is the fused order");
        };
        ranked.sort(comparator.thenComparing(Ranked::id, Comparator.reverseOrder()));
    }

    /** The paper the query names by its exact title (or id, with filters), when there is one. */
    private List<String> pins(UserQuery query) {
        if (!query.hasWords()) {
            return List.of();
        }
        return index.exactMatches(query.arxivId().map(ArxivId::value), Optional.of(query.plainText()),
                query.filters());
    }

    private SearchResult page(UserQuery query, SearchMode requested, SearchMode mode, ResultOrder order,
            List<Ranked> ranked, long total, boolean totalIsExact, SearchRequest request, List<String> notices) {
        int from = Math.min(request.offset(), ranked.size());
        int to = Math.min(ranked.size(), request.offset() + request.limit());
        List<Ranked> slice = ranked.subList(from, to);
        List<String> ids = slice.stream().map(Ranked::id).toList();
        Map<String, PaperEntry> entries = entries(ids);
        Map<String, Snippets> snippets = ids.isEmpty() ? Map.of()
                : index.snippets(query.keywordQuery(false), ids);
        List<SearchHit> hits = new ArrayList<>();
        for (Ranked r : slice) {
            PaperEntry entry = entries.get(r.id());
            if (entry == null) {
                continue; // in the index but gone from the database; the next sync drops it
            }
            Snippets s = snippets.getOrDefault(r.id(), new Snippets(Highlight.plain(entry.paper().title()),
                    Highlight.plain(entry.paper().abstractText())));
            hits.add(new SearchHit(entry, r.score(), s, r.keywordRank(), r.semanticRank(), r.isExactMatch()));
        }
        return new SearchResult(query, requested, mode, order, hits, total, totalIsExact, request.offset(),
                request.limit(), notices);
    }

    private Map<String, PaperEntry> entries(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return papers.find(ids.stream().map(ArxivId::new).toList()).stream()
                .collect(Collectors.toMap(e -> e.paper().id().value(), Function.identity(), (a, b) -> a,
                        HashMap::new));
    }

    /**
     * Papers like this one, most similar first: nearest neighbours of its stored vector (no model call), or,
     * while it has none, the papers that share its most distinctive words. Never the paper itself.
     */
    public Similar similar(ArxivId id, int limit) {
        Filters others = Filters.NONE.excluding(id.value());
        Optional<StoredVector> vector = indexer.model().flatMap(model -> vectors.find(id, model));
        List<Hit> hits = vector.map(v -> index.nearest(v.vector(), others, limit).hits()).orElse(List.of());
        boolean byMeaning = !hits.isEmpty();
        if (!byMeaning) {
            hits = index.moreLikeThis(id.value(), others, limit).hits();
        }
        Map<String, PaperEntry> entries = entries(hits.stream().map(Hit::id).toList());
        List<PaperEntry> similar = hits.stream().map(h -> entries.get(h.id())).filter(e -> e != null)
                .filter(e -> !e.paper().id().equals(id)).toList();
        return new Similar(similar, byMeaning);
    }

    /** How far the index and the vectors have come, for the search page. */
    public Status status() {
        SearchIndex.Stats stats = index.stats();
        return new Status(stats.documents(), stats.documentsWithVectors(), retriever.model(), indexer.isBuilding());
    }

    public Retriever retriever() {
        return retriever;
    }

    /** Similar papers, and whether they were found by meaning (vectors) or by shared words. */
    public record Similar(List<PaperEntry> papers, boolean byMeaning) {

        public Similar {
            papers = List.copyOf(papers);
        }
    }

    /** Papers in the index, how many carry a vector, the configured model, and whether a rebuild runs. */
    public record Status(long documents, long documentsWithVectors, Optional<String> model, boolean isBuilding) {
    }

    private record Ranked(String id, double score, int keywordRank, int semanticRank, boolean isExactMatch) {
    }
}
