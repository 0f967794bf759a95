package dailypapers.search;

import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperEntry;
import dailypapers.search.Ranker.RankedHit;
import dailypapers.search.Ranker.Ranking;
import dailypapers.search.VectorStore.StoredVector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Search as people use it: the ranking of {@link Ranker} (query syntax, exact matches first, modes, fallback,
 * fusion), reordered by date or upvotes as the database has them now, paged, with highlighted snippets and fresh
 * community data from the database.
 */
public final class SearchService {

    /** The deepest result reachable by paging. */
    public static final int MAX_DEPTH = 1_000;

    private final Ranker ranker;
    private final SearchIndex index;
    private final SearchStore papers;
    private final VectorStore vectors;
    private final SearchIndexer indexer;

    public SearchService(Ranker ranker, SearchIndex index, SearchStore papers, VectorStore vectors,
            SearchIndexer indexer) {
        this.ranker = ranker;
        this.index = index;
        this.papers = papers;
        this.vectors = vectors;
        this.indexer = indexer;
    }

    /** Changes whenever search answers may have changed; see {@link SearchIndex#version()}. */
    public String indexVersion() {
        return index.version();
    }

    /**
     * Runs a search.
     *
     * @throws InvalidQueryException for a query search refuses (too long, too many words for the engine)
     */
    public SearchResult search(SearchRequest request) {
        Ranking ranking = ranker.rank(request);
        List<RankedHit> ranked = new ArrayList<>(ranking.hits());
        long total = ranking.total();
        if (ranking.mode().needsVectors() && ranking.order() != ResultOrder.RELEVANCE) {
            reorder(ranked, ranking.order());
            total = ranked.size();
        }
        return page(ranking, ranked, total, request);
    }

    /**
     * The papers of a page of {@link #search} results, in its order, without snippets: for digests, which pick
     * papers by the thousand and show no highlights.
     */
    public List<ArxivId> ids(SearchRequest request) {
        Ranking ranking = ranker.rank(request);
        List<RankedHit> ranked = new ArrayList<>(ranking.hits());
        if (ranking.mode().needsVectors() && ranking.order() != ResultOrder.RELEVANCE) {
            reorder(ranked, ranking.order());
        }
        List<String> slice = ranked.subList(Math.min(request.offset(), ranked.size()),
                Math.min(ranked.size(), request.offset() + request.limit())).stream().map(RankedHit::id).toList();
        Map<String, PaperEntry> stored = entries(slice);
        return slice.stream().filter(stored::containsKey).map(ArxivId::new).toList();
    }

    /** Orders candidates by date or upvotes as the database has them now, ties by id as the index does. */
    private void reorder(List<RankedHit> ranked, ResultOrder order) {
        Map<String, PaperEntry> entries = entries(ranked.stream().map(RankedHit::id).toList());
        ranked.removeIf(r -> !entries.containsKey(r.id()));
        Comparator<RankedHit> newest = Comparator.comparing((RankedHit r) -> entries.get(r.id()).paper()
                .published()).reversed();
        Comparator<RankedHit> comparator = switch (order) {
            case DATE -> newest;
            case UPVOTES -> Comparator.comparingInt((RankedHit r) -> entries.get(r.id()).upvotes()).reversed()
                    .thenComparing(newest);
            case RELEVANCE -> throw new IllegalStateException("relevance is the fused order");
        };
        ranked.sort(comparator.thenComparing(RankedHit::id, Comparator.reverseOrder()));
    }

    private SearchResult page(Ranking ranking, List<RankedHit> ranked, long total, SearchRequest request) {
        int from = Math.min(request.offset(), ranked.size());
        int to = Math.min(ranked.size(), request.offset() + request.limit());
        List<RankedHit> slice = ranked.subList(from, to);
        List<String> ids = slice.stream().map(RankedHit::id).toList();
        Map<String, PaperEntry> entries = entries(ids);
        // Highlighted in the rows' text, which is what the page shows, so the index reads no stored copy.
        List<SnippetText> texts = new ArrayList<>(ids.size());
        for (String id : ids) {
            PaperEntry entry = entries.get(id);
            if (entry != null) {
                texts.add(new SnippetText(id, entry.paper().title(), entry.paper().abstractText()));
            }
        }
        Map<String, Snippets> snippets = texts.isEmpty() ? Map.of()
                : index.snippets(ranking.query().keywordQuery(false), texts);
        List<SearchHit> hits = new ArrayList<>();
        for (RankedHit r : slice) {
            PaperEntry entry = entries.get(r.id());
            if (entry == null) {
                continue; // in the index but gone from the database; the next sync drops it
            }
            Snippets s = snippets.getOrDefault(r.id(), new Snippets(Highlight.plain(entry.paper().title()),
                    Highlight.plain(entry.paper().abstractText())));
            hits.add(new SearchHit(entry, r.score(), s, r.keywordRank(), r.semanticRank(), r.isExactMatch()));
        }
        return new SearchResult(ranking.query(), ranking.requestedMode(), ranking.mode(), ranking.order(), hits,
                total, ranking.totalIsExact(), request.offset(), request.limit(), ranking.notices());
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
     * Papers nearest to the mean of these papers' stored vectors (a member's library), most similar first, among
     * those that pass {@code filters}; empty when no model is configured or none of them has a vector yet.
     */
    public List<ArxivId> nearestToAll(Collection<ArxivId> papers, Filters filters, int limit) {
        Optional<String> model = indexer.model();
        if (model.isEmpty() || papers.isEmpty()) {
            return List.of();
        }
        Collection<StoredVector> found = vectors.find(papers, model.get()).values();
        if (found.isEmpty()) {
            return List.of();
        }
        float[] mean = new float[found.iterator().next().vector().length];
        for (StoredVector v : found) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += v.vector()[i];
            }
        }
        double norm = 0;
        for (float x : mean) {
            norm += x * x;
        }
        float scale = norm == 0 ? 1 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < mean.length; i++) {
            mean[i] *= scale;
        }
        return index.nearest(mean, filters, limit).hits().stream().map(h -> new ArxivId(h.id())).toList();
    }

    /** How far the index and the vectors have come, for the search page. */
    public Status status() {
        SearchIndex.Stats stats = index.stats();
        return new Status(stats.documents(), stats.documentsWithVectors(), ranker.model(), indexer.isBuilding());
    }


    /** Papers in the index, how many carry a vector, the configured model, and whether a rebuild runs. */
    public record Status(long documents, long documentsWithVectors, Optional<String> model, boolean isBuilding) {
    }

}
