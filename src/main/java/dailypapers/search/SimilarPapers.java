package dailypapers.search;

import dailypapers.paper.ArxivId;
import dailypapers.paper.Paper;
import dailypapers.paper.PaperEntry;
import dailypapers.search.SearchStore.StoredPaper;
import dailypapers.search.SimilarStore.Listed;
import dailypapers.search.SimilarStore.State;
import dailypapers.search.VectorStore.StoredVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Papers like a paper, computed once and stored ({@link SimilarStore}) so that a paper page reads a list instead
 * of running a similarity query: the nearest neighbours of the paper's stored vector (no model call) or, while it
 * has none, the papers that share its most distinctive words. Never the paper itself.
 *
 * <p>A list is computed on its paper's first view and by {@link SimilarJob}, and again once it is out of date
 * ({@link SimilarList.Basis#isCurrentFor}): the paper's title or abstract changed, it gained a vector (or the model
 * changed), or the corpus it was picked from grew by {@value SimilarList.Basis#CORPUS_GROWTH_PERCENT}%. A list is
 * stored only when the index holds the paper as the database has it (text and vector), so that a list found in an
 * index still catching up is served but never kept. Papers removed or hidden by a moderator since are left out
 * when a list is read.
 */
public final class SimilarPapers {

    /**
     * Papers stored per list: a paper page shows six, the API ten unless asked for more; the rest stand in for
     * papers removed or hidden since. The API asking for more than this computes its answer instead.
     */
    public static final int STORED = 20;

    private final SearchIndex index;
    private final SimilarStore store;
    private final SearchStore papers;
    private final VectorStore vectors;
    private final Optional<String> model;

    /** @param model the embedding model whose vectors find papers by meaning; empty when none is configured */
    public SimilarPapers(SearchIndex index, SimilarStore store, SearchStore papers, VectorStore vectors,
            Optional<String> model) {
        this.index = index;
        this.store = store;
        this.papers = papers;
        this.vectors = vectors;
        this.model = model;
    }

    /** Up to {@code limit} papers like {@code paper}, most similar first; from its stored list when current. */
    public Similar similar(PaperEntry paper, int limit) {
        ArxivId id = paper.paper().id();
        if (limit > STORED) {
            Found found = find(id, model.flatMap(m -> vectors.find(id, m)), limit);
            return new Similar(visible(found.similar(), limit), found.byMeaning());
        }
        List<State> states = store.states(List.of(id), model);
        if (states.isEmpty()) {
            return new Similar(List.of(), false);
        }
        Target target = new Target(states.getFirst(), textHash(paper.paper()));
        Optional<Listed> listed = target.state().listed().filter(l -> l.basis().isCurrentFor(basisNow(target)));
        if (listed.isPresent()) {
            return new Similar(store.listed(id, limit), listed.get().basis().isByMeaning());
        }
        SimilarList computed = computeAndStore(List.of(target)).lists().getFirst();
        return new Similar(visible(computed.similar(), limit), computed.basis().isByMeaning());
    }

    /**
     * Brings the lists of up to {@code size} papers with an id after {@code after} up to date: computes those
     * missing or out of date, and marks current those whose paper row was written without its text changing.
     */
    Batch refresh(Optional<ArxivId> after, int size) {
        List<State> states = store.scan(after, size, model);
        if (states.isEmpty()) {
            return new Batch(Optional.empty(), 0, 0, 0, 0);
        }
        // A row not written since its list was last checked has the text it had then; others are read again.
        List<ArxivId> unread = states.stream().filter(s -> knownTextHash(s).isEmpty()).map(State::paper).toList();
        Map<ArxivId, String> readHashes = new HashMap<>();
        for (StoredPaper stored : unread.isEmpty() ? List.<StoredPaper>of() : papers.load(unread)) {
            readHashes.put(stored.entry().paper().id(), textHash(stored.entry().paper()));
        }
        List<Target> outOfDate = new ArrayList<>();
        Map<ArxivId, String> unchanged = new LinkedHashMap<>();
        for (State state : states) {
            String hash = knownTextHash(state).orElse(readHashes.get(state.paper()));
            if (hash == null) {
                continue; // removed since the scan
            }
            Target target = new Target(state, hash);
            if (state.listed().filter(l -> l.basis().isCurrentFor(basisNow(target))).isEmpty()) {
                outOfDate.add(target);
            } else if (!state.writtenAt().equals(state.listed().get().paperWrittenAt())) {
                unchanged.put(state.paper(), state.writtenAt());
            }
        }
        store.markUnchanged(unchanged);
        Computed computed = computeAndStore(outOfDate);
        return new Batch(Optional.of(states.getLast().paper()), states.size(), outOfDate.size(), computed.stored(),
                unchanged.size());
    }

    /** What one {@link #refresh} did: the last paper it looked at (empty when none was left), and counts. */
    record Batch(Optional<ArxivId> last, int examined, int computed, int stored, int unchanged) {
    }

    /** The stored list's text hash when the paper row has not been written since the list was last checked. */
    private static Optional<String> knownTextHash(State state) {
        return state.listed().filter(l -> l.paperWrittenAt().equals(state.writtenAt()))
                .map(l -> l.basis().textHash());
    }

    /** What a list of the paper would be computed from now, assuming it is found by meaning when it can be. */
    private SimilarList.Basis basisNow(Target target) {
        return basis(target, model.isPresent() && target.state().hasVector());
    }

    /** What a list of the paper is computed from, found by meaning (the model's vectors) or by shared words. */
    private SimilarList.Basis basis(Target target, boolean byMeaning) {
        State state = target.state();
        return new SimilarList.Basis(target.textHash(), byMeaning ? model.orElseThrow() : "",
                byMeaning ? state.papersWithVectors() : state.papers());
    }

    /**
     * Computes these papers' lists and stores those whose paper the index holds as the database has it now (its
     * row and its vector, by the versions the index keeps): the others are found in an index still catching up.
     */
    private Computed computeAndStore(List<Target> targets) {
        if (targets.isEmpty()) {
            return new Computed(List.of(), 0);
        }
        List<ArxivId> ids = targets.stream().map(t -> t.state().paper()).toList();
        List<ArxivId> withVectors = targets.stream().filter(t -> t.state().hasVector()).map(t -> t.state().paper())
                .toList();
        Map<ArxivId, StoredVector> found = model.isEmpty() || withVectors.isEmpty() ? Map.of()
                : vectors.find(withVectors, model.get());
        Map<String, String> held = index.versions(ids.stream().map(ArxivId::value).toList());
        List<SimilarList> lists = new ArrayList<>(targets.size());
        List<SimilarList> current = new ArrayList<>(targets.size());
        for (Target target : targets) {
            State state = target.state();
            StoredVector vector = found.get(state.paper());
            Found similar = find(state.paper(), Optional.ofNullable(vector), STORED);
            SimilarList list = new SimilarList(state.paper(), similar.similar(), basis(target, similar.byMeaning()),
                    state.writtenAt());
            lists.add(list);
            if (Objects.equals(held.get(state.paper().value()), SearchIndexer.version(state.writtenAt(), vector))) {
                current.add(list);
            }
        }
        store.save(current);
        return new Computed(lists, current.size());
    }

    private record Computed(List<SimilarList> lists, int stored) {
    }

    /**
     * The {@code k} papers most like {@code id}: nearest neighbours of its vector when it has one and the index
     * holds other papers' vectors, else by shared words.
     */
    private Found find(ArxivId id, Optional<StoredVector> vector, int k) {
        Filters others = Filters.NONE.excluding(id.value());
        List<Hit> hits = vector.map(v -> index.nearest(v.vector(), others, k).hits()).orElse(List.of());
        boolean byMeaning = !hits.isEmpty();
        if (!byMeaning) {
            hits = index.moreLikeThis(id.value(), others, k).hits();
        }
        return new Found(hits.stream().map(h -> new ArxivId(h.id())).filter(s -> !s.equals(id)).toList(),
                byMeaning);
    }

    private record Found(List<ArxivId> similar, boolean byMeaning) {
    }

    /** The first {@code limit} of these papers that are there and not hidden, in the given order. */
    private List<PaperEntry> visible(List<ArxivId> ids, int limit) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<ArxivId, PaperEntry> entries = new HashMap<>();
        papers.find(ids).forEach(e -> entries.put(e.paper().id(), e));
        return ids.stream().map(entries::get).filter(Objects::nonNull).limit(limit).toList();
    }

    private static String textHash(Paper paper) {
        return EmbeddingText.hash(EmbeddingText.of(paper.title(), paper.abstractText()));
    }

    /** A paper whose list is to be computed or checked, and the hash of its text now. */
    private record Target(State state, String textHash) {
    }

    /** Similar papers, and whether they were found by meaning (vectors) or by shared words. */
    public record Similar(List<PaperEntry> papers, boolean byMeaning) {

        public Similar {
            papers = List.copyOf(papers);
        }
    }
}
