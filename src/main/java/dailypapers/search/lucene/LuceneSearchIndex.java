package dailypapers.search.lucene;

import static dailypapers.search.KeywordRanking.ABSTRACT_BOOST;
import static dailypapers.search.KeywordRanking.AUTHORS_BOOST;
import static dailypapers.search.KeywordRanking.CATEGORIES_BOOST;
import static dailypapers.search.KeywordRanking.TITLE_BOOST;
import static dailypapers.search.KeywordRanking.TITLE_WEIGHT;

import dailypapers.search.Filters;
import dailypapers.search.Highlight;
import dailypapers.search.Hit;
import dailypapers.search.Hits;
import dailypapers.search.IndexSnapshot;
import dailypapers.search.IndexUnavailableException;
import dailypapers.search.KeywordQuery;
import dailypapers.search.ResultOrder;
import dailypapers.search.SearchDocument;
import dailypapers.search.SearchIndex;
import dailypapers.search.SnippetText;
import dailypapers.search.Snippets;
import dailypapers.search.TitleKey;
import dailypapers.search.InvalidQueryException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RescoreTopNQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.QueryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SearchIndex} in an in-process Lucene index: BM25 over title, abstract, authors and categories with field
 * boosts; HNSW over scalar-quantised (int7) vectors for semantic search; the unified highlighter for snippets.
 * One writer per directory (Lucene's write lock); searches go through near-real-time searchers.
 *
 * <p>On disk the index is a folder of generations: {@code <path>/<generation id>/} each, the file {@code live}
 * naming the one served, and one {@code write.lock} for all. A rebuild fills a new generation folder and swaps it
 * in by renaming {@code live} and switching writer and searchers at once; the old folder is deleted. At open,
 * every folder but the live one (a rebuild a crash cut short, an older layout) is deleted. Each generation's
 * commits carry its id ({@link #GENERATION}), which names the sync checkpoint in the database.
 */
public final class LuceneSearchIndex implements SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);

    static final String ID = "id";
    static final String TITLE = "title";
    static final String ABSTRACT = "abstract";
    static final String AUTHORS = "authors";
    static final String CATEGORIES = "categories";
    static final String CATEGORY = "category";
    static final String TITLE_KEY = "title_key";
    static final String PUBLISHED = "published";
    static final String PUBLISHED_SORT = "published_sort";
    static final String UPVOTES = "upvotes";
    static final String HAS = "has";
    static final String VECTOR = "vector";
    static final String VERSION = "version";

    /**
     * BM25's term-frequency saturation {@code k1} and length normalisation {@code b}. The default, k1 = 0.9 and
     * b = 0.4, are the values of Anserini's BEIR baselines; docs/search.md has their cross-validated check.
     */
    public record Bm25(float k1, float b) {

        public static final Bm25 DEFAULT = new Bm25(0.9f, 0.4f);

        public Bm25 {
            if (!(k1 >= 0) || !(b >= 0 && b <= 1)) {
                throw new IllegalArgumentException("BM25 needs k1 >= 0 and b in [0, 1], got " + k1 + ", " + b);
            }
        }

        Similarity similarity() {
            return new BM25Similarity(k1, b);
        }
    }

    /**
     * Nearest-neighbour searches explore at least this many candidates, however few results they return, and
     * re-score them with the float vectors: recall@10 0.95 on the 81,072 real papers (0.97 with 200, 0.98 with 400,
     * for 1.8, 2.6 and 4.3 ms), from ./bench/search.
     */
    static final int MIN_VECTOR_CANDIDATES = 100;

    /**
     * Counting matches stops here; beyond it a total is a lower bound ("more than 1,000 results"). Counting is what
     * keeps a query from skipping non-competitive documents, so a low threshold keeps keyword search fast on a large
     * corpus; it equals {@link dailypapers.search.SearchService#MAX_DEPTH}, the deepest page anyone can reach.
     */
    static final int TOTAL_HITS_THRESHOLD = 1_000;
    /** Abstract passages (sentences) shown per result. */
    static final int ABSTRACT_PASSAGES = 2;
    /** Passage candidates are looked for in this many leading characters of a field. */
    static final int HIGHLIGHT_MAX_LENGTH = 20_000;

    private static final ScanningPassageScorer PASSAGE_SCORER = new ScanningPassageScorer();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    /** The key of the generation's id in each commit's user data. */
    static final String GENERATION = "generation";

    private final IndexStorage storage;
    private final Analyzers analyzers = new Analyzers();
    private final Analyzer analyzer = analyzers.perField();
    private final Similarity similarity;
    /** Query words: a compound ("multi-agent") is its whole, one term, instead of a phrase of its parts. */
    private final QueryBuilder wordQueries = new QueryBuilder(analyzers.englishWords());
    /** Quoted phrases: a compound is its parts, which is how the index places them. */
    private final QueryBuilder phraseQueries = new QueryBuilder(analyzers.englishPhrases());
    private final QueryBuilder nameQueries = new QueryBuilder(analyzers.names());
    private final QueryBuilder categoryQueries = new QueryBuilder(analyzers.categories());
    /**
     * Searches and writes hold it shared while they use the live generation; a swap holds it alone for the moment
     * it takes to switch, so no search runs on a generation being closed.
     */
    private final ReadWriteLock swapLock = new ReentrantReadWriteLock();
    private Generation live;
    private volatile CachedStats cachedStats;
    private volatile CachedFieldInfos cachedFieldInfos;

    /** Opens the live generation of {@code storage}, or starts an empty one, and discards every other. */
    private LuceneSearchIndex(IndexStorage storage, Bm25 bm25) throws IOException {
        this.storage = storage;
        this.similarity = bm25.similarity();
        Optional<String> published = storage.live();
        Generation opened = null;
        if (published.isPresent()) {
            try {
                opened = openGeneration(published.get());
            } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException
                    | IndexNotFoundException e) {
                log.warn("the search index generation {} cannot be read ({}); starting a new one, rebuilt from the"
                        + " database", published.get(), e.getMessage());
            }
        }
        if (opened == null) {
            opened = newGeneration();
            storage.publish(opened.id());
        }
        this.live = opened;
        storage.discardAllBut(opened.id());
    }

    /**
     * Opens (or creates) the index in {@code path}. An index another process holds is an
     * {@link IndexUnavailableException}; a corrupt or incompatible one is discarded and started afresh, since it
     * is derived data, and so is a rebuild a crash cut short.
     */
    public static LuceneSearchIndex open(Path path) {
        return open(path, UnaryOperator.identity());
    }

    /** As {@link #open(Path)}, with each generation's directory wrapped (tests put failures in the way). */
    static LuceneSearchIndex open(Path path, UnaryOperator<Directory> wrap) {
        IndexStorage storage = null;
        try {
            storage = IndexStorage.folder(path, wrap);
            return new LuceneSearchIndex(storage, Bm25.DEFAULT);
        } catch (IOException e) {
            IOUtils.closeWhileHandlingException(storage);
            throw new UncheckedIOException("cannot open the search index at " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            IOUtils.closeWhileHandlingException(storage);
            throw e;
        }
    }

    /**
     * What the index in {@code path} holds as of its live generation's last commit. A reader takes no write lock,
     * so this works while a server holds the index; nothing is created or changed.
     */
    public static Optional<IndexSnapshot> inspect(Path path) {
        try {
            Optional<String> live = IndexStorage.Folder.live(path);
            if (live.isEmpty()) {
                return Optional.empty();
            }
            try (Directory directory = FSDirectory.open(path.resolve(live.get()));
                    DirectoryReader reader = DirectoryReader.open(directory)) {
                String generation = reader.getIndexCommit().getUserData().getOrDefault(GENERATION, live.get());
                return Optional.of(new IndexSnapshot(generation, reader.numDocs()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index at " + path + ": " + e.getMessage(), e);
        }
    }

    /** An index in memory, for evaluation runs and tests. */
    public static LuceneSearchIndex inMemory() {
        return inMemory(Bm25.DEFAULT);
    }

    /** An index in memory that scores words with {@code bm25}, for evaluations that try other parameters. */
    public static LuceneSearchIndex inMemory(Bm25 bm25) {
        try {
            return new LuceneSearchIndex(IndexStorage.memory(), bm25);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One generation: its directory, its writer and the searchers over it. */
    private record Generation(String id, Directory directory, IndexWriter writer, SearcherManager searchers)
            implements Closeable {

        /** Closes every part even when one fails, then throws the first failure. */
        @Override
        public void close() throws IOException {
            IOUtils.close(searchers, writer, directory);
        }
    }

    private Generation newGeneration() throws IOException {
        String id = UUID.randomUUID().toString();
        Directory directory = storage.open(id);
        IndexWriter writer = null;
        try {
            writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
            writer.setLiveCommitData(Map.of(GENERATION, id).entrySet());
            writer.commit();
            return generation(id, directory, writer);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(writer, directory);
            storage.discard(id);
            throw e;
        }
    }

    private Generation openGeneration(String id) throws IOException {
        Directory directory = storage.open(id);
        IndexWriter writer = null;
        try {
            writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.APPEND));
            Map<String, String> data = new HashMap<>();
            Iterable<Map.Entry<String, String>> commitData = writer.getLiveCommitData();
            if (commitData != null) {
                commitData.forEach(e -> data.put(e.getKey(), e.getValue()));
            }
            if (!id.equals(data.get(GENERATION))) {
                throw new CorruptIndexException("the generation's commit names " + data.get(GENERATION), id);
            }
            return generation(id, directory, writer);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(writer, directory);
            throw e;
        }
    }

    private Generation generation(String id, Directory directory, IndexWriter writer) throws IOException {
        SearcherManager searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(similarity);
                return searcher;
            }
        });
        return new Generation(id, directory, writer, searchers);
    }

    private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(analyzers.perField())
                .setOpenMode(mode)
                .setSimilarity(similarity)
                .setCodec(VectorCodec.create())
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(true);
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    // ---- writing

    @Override
    public String generation() {
        return withLive(Generation::id);
    }

    @Override
    public String version() {
        return withLive(g -> {
            IndexSearcher searcher = g.searchers().acquire();
            try {
                return g.id() + ":" + ((DirectoryReader) searcher.getIndexReader()).getVersion();
            } finally {
                g.searchers().release(searcher);
            }
        });
    }

    @Override
    public void upsert(List<SearchDocument> documents) {
        withWriter(writer -> {
            for (SearchDocument d : documents) {
                writer.updateDocument(new Term(ID, d.id()), document(d));
            }
        });
    }

    @Override
    public void delete(Collection<String> ids) {
        withWriter(writer -> writer.deleteDocuments(ids.stream().map(id -> new Term(ID, id)).toArray(Term[]::new)));
    }

    @Override
    public void refresh() {
        withLive(g -> {
            g.searchers().maybeRefreshBlocking();
            return null;
        });
    }

    @Override
    public void commit() {
        withLive(g -> {
            g.writer().commit();
            g.searchers().maybeRefreshBlocking();
            return null;
        });
    }

    @Override
    public Rebuild rebuild() {
        try {
            return new GenerationRebuild(newGeneration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generation filled beside the live one, then swapped in. */
    private final class GenerationRebuild implements Rebuild {

        private final Generation next;
        private boolean swapped;

        GenerationRebuild(Generation next) {
            this.next = next;
        }

        @Override
        public String generation() {
            return next.id();
        }

        @Override
        public void add(List<SearchDocument> documents) {
            try {
                next.writer().addDocuments(documents.stream().map(LuceneSearchIndex::document).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void swap() {
            Generation old;
            try {
                next.writer().commit();
                next.searchers().maybeRefreshBlocking();
                swapLock.writeLock().lock();
                try {
                    storage.publish(next.id());
                    old = live;
                    live = next;
                    swapped = true;
                } finally {
                    swapLock.writeLock().unlock();
                }
                discard(old);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            if (!swapped) {
                try {
                    discard(next);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void discard(Generation generation) throws IOException {
        generation.close();
        storage.discard(generation.id());
    }

    private static Document document(SearchDocument d) {
        Document doc = new Document();
        doc.add(new StringField(ID, d.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(d.id())));
        doc.add(new Field(TITLE, d.title(), TEXT_WITH_OFFSETS));
        doc.add(new Field(ABSTRACT, d.abstractText(), TEXT_WITH_OFFSETS));
        doc.add(new StringField(TITLE_KEY, TitleKey.of(d.title()), Field.Store.NO));
        for (String author : d.authors()) {
            doc.add(new TextField(AUTHORS, author, Field.Store.NO));
        }
        for (String category : d.categories()) {
            doc.add(new TextField(CATEGORIES, category, Field.Store.NO));
            doc.add(new StringField(CATEGORY, category.toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        long day = d.published() == null ? Long.MIN_VALUE : d.published().toEpochDay();
        doc.add(new LongPoint(PUBLISHED, day));
        doc.add(new NumericDocValuesField(PUBLISHED_SORT, day));
        doc.add(new NumericDocValuesField(UPVOTES, d.upvotes()));
        if (d.hasCode()) {
            doc.add(new StringField(HAS, "code", Field.Store.NO));
        }
        if (d.vector() != null) {
            doc.add(new KnnFloatVectorField(VECTOR, d.vector(), VectorSimilarityFunction.COSINE));
        }
        if (d.version() != null) {
            doc.add(new BinaryDocValuesField(VERSION, new BytesRef(d.version())));
        }
        return doc;
    }

    // ---- searching

    @Override
    public Hits keyword(KeywordQuery query, ResultOrder order, int offset, int limit) {
        Query lucene = keywordQuery(query, true);
        int wanted = offset + limit;
        int threshold = Math.max(wanted, TOTAL_HITS_THRESHOLD);
        return withSearcher(searcher -> {
            TopFieldDocs top = searcher.search(lucene,
                    new TopFieldCollectorManager(sort(order), wanted, null, threshold));
            List<Hit> hits = new ArrayList<>();
            for (int i = offset; i < top.scoreDocs.length; i++) {
                FieldDoc doc = (FieldDoc) top.scoreDocs[i];
                String id = ((BytesRef) doc.fields[doc.fields.length - 1]).utf8ToString();
                double score = order == ResultOrder.RELEVANCE ? (Float) doc.fields[0] : 0;
                hits.add(new Hit(id, score));
            }
            boolean exact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
            // Past the threshold Lucene stops counting; its lower bound then varies with segment layout.
            long total = exact ? top.totalHits.value() : Math.min(top.totalHits.value(), threshold);
            return new Hits(hits, total, exact);
        });
    }

    @Override
    public Hits nearest(float[] vector, Filters filters, int k) {
        if (k < 1) {
            return Hits.NONE;
        }
        Query filter = filters.isEmpty() ? null : filtered(new MatchAllDocsQuery(), filters);
        // The graph search keeps as many candidates as it is asked for; a narrow search misses neighbours.
        int candidates = Math.max(k, MIN_VECTOR_CANDIDATES);
        return withSearcher(searcher -> {
            // Rewriting runs the graph search. With no candidate at all (a filter nothing passes, no vectors)
            // Lucene 10.3's re-scoring fails on the empty list, so it is asked only when there is something.
            Query found = searcher.rewrite(new KnnFloatVectorQuery(VECTOR, vector, candidates, filter));
            if (searcher.count(found) == 0) {
                return Hits.NONE;
            }
            // The graph is searched over int7 copies, whose scores alone misorder close neighbours (recall@10 0.82
            // against 0.94 re-scored, on the benchmark's 20,000 recombined papers), so the candidates are
            // re-scored with the float vectors.
            Query knn = RescoreTopNQuery.createFullPrecisionRescorerQuery(found, vector, VECTOR, candidates);
            Hits hits = ranked(searcher, searcher.search(knn, candidates));
            return hits.hits().size() <= k ? hits : new Hits(hits.hits().subList(0, k), k, true);
        });
    }

    @Override
    public Hits moreLikeThis(String id, Filters filters, int k) {
        return withSearcher(searcher -> {
            int doc = docIds(searcher, List.of(id))[0];
            if (doc < 0) {
                return Hits.NONE;
            }
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(analyzer);
            mlt.setFieldNames(new String[] {TITLE, ABSTRACT});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(2);
            mlt.setMaxQueryTerms(30);
            Query like = filtered(mlt.like(doc), filters.excluding(id));
            TopFieldDocs top = searcher.search(like, new TopFieldCollectorManager(sort(ResultOrder.RELEVANCE), k,
                    null, k));
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                FieldDoc fieldDoc = (FieldDoc) scoreDoc;
                hits.add(new Hit(((BytesRef) fieldDoc.fields[1]).utf8ToString(), (Float) fieldDoc.fields[0]));
            }
            return new Hits(hits, hits.size(), true);
        });
    }

    @Override
    public List<String> exactMatches(Optional<String> id, Optional<String> title, Filters filters) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        id.ifPresent(i -> any.add(new TermQuery(new Term(ID, i)), Occur.SHOULD));
        Optional<String> key = title.map(TitleKey::of).filter(k -> !k.isEmpty());
        key.ifPresent(k -> any.add(new TermQuery(new Term(TITLE_KEY, k)), Occur.SHOULD));
        if (id.isEmpty() && key.isEmpty()) {
            return List.of();
        }
        Query query = filtered(any.build(), filters);
        return withSearcher(searcher -> {
            TopFieldDocs top = searcher.search(query, new TopFieldCollectorManager(
                    new Sort(new SortField(ID, SortField.Type.STRING, true)), 10, null, 10));
            List<String> ids = new ArrayList<>();
            for (ScoreDoc doc : top.scoreDocs) {
                ids.add(((BytesRef) ((FieldDoc) doc).fields[0]).utf8ToString());
            }
            // The id named in the query first, then title matches by descending id.
            ids.sort(Comparator.comparing((String i) -> !id.map(i::equals).orElse(false)));
            return ids;
        });
    }

    @Override
    public Map<String, Snippets> snippets(KeywordQuery query, List<SnippetText> texts) {
        Query highlightQuery = keywordQuery(new KeywordQuery(query.text(), query.phrases(), Filters.NONE, false),
                false);
        List<String> ids = texts.stream().map(SnippetText::id).toList();
        return withSearcher(searcher -> {
            int[] docs = docIds(searcher, ids);
            // The highlighter wants ascending doc ids; map the answers back to ids afterwards.
            Map<Integer, SnippetText> byDoc = new TreeMap<>();
            for (int i = 0; i < docs.length; i++) {
                if (docs[i] >= 0) {
                    byDoc.put(docs[i], texts.get(i));
                }
            }
            int[] sorted = byDoc.keySet().stream().mapToInt(Integer::intValue).toArray();
            Map<String, Object[]> highlights = highlighter(searcher, byDoc).highlight(highlightQuery, sorted);
            Object[] titles = highlights.get(TITLE);
            Object[] abstracts = highlights.get(ABSTRACT);
            // A text that is not the one indexed (its row changed since the last sync) has matches where the
            // index's offsets point at other words: those are highlighted in the index's stored copy instead.
            int[] stale = IntStream.range(0, sorted.length)
                    .filter(j -> titles[j] == HighlightFormatter.STALE || abstracts[j] == HighlightFormatter.STALE)
                    .toArray();
            if (stale.length > 0) {
                Map<String, Object[]> stored = highlighter(searcher, Map.of())
                        .highlight(highlightQuery, Arrays.stream(stale).map(j -> sorted[j]).toArray());
                for (int k = 0; k < stale.length; k++) {
                    titles[stale[k]] = stored.get(TITLE)[k];
                    abstracts[stale[k]] = stored.get(ABSTRACT)[k];
                }
            }
            Map<String, Snippets> snippets = new LinkedHashMap<>();
            for (int j = 0; j < sorted.length; j++) {
                snippets.put(byDoc.get(sorted[j]).id(), new Snippets(highlight(titles[j]), highlight(abstracts[j])));
            }
            return snippets;
        });
    }

    /**
     * A highlighter over this searcher for the given texts of its documents, or for their stored text when
     * {@code texts} is empty. The merged field infos a highlighter needs are computed once per searcher.
     */
    private StructuredHighlighter highlighter(IndexSearcher searcher, Map<Integer, SnippetText> texts) {
        IndexReader reader = searcher.getIndexReader();
        CachedFieldInfos cached = cachedFieldInfos;
        if (cached == null || cached.reader() != reader) {
            cached = new CachedFieldInfos(reader, FieldInfos.getMergedFieldInfos(reader));
            cachedFieldInfos = cached;
        }
        return new StructuredHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new HighlightFormatter(texts.isEmpty() ? null : analyzers.english()))
                .withScorer(PASSAGE_SCORER)
                .withMaxLength(HIGHLIGHT_MAX_LENGTH)
                // Term offsets from the postings instead of a query Weight's matches per document: the
                // weight-matches mode took 60% of a keyword search on 20,000 papers.
                .withWeightMatches(false)
                .withHighlightPhrasesStrictly(true), cached.infos(), texts);
    }

    /** Every segment's field infos merged, for the reader they describe. */
    private record CachedFieldInfos(IndexReader reader, FieldInfos infos) {
    }

    private static Highlight highlight(Object formatted) {
        return formatted instanceof Highlight h ? h : new Highlight(List.of());
    }

    /**
     * The unified highlighter over title (whole, one passage) and abstract (the best sentences), answering with
     * the formatter's objects ({@link Highlight}s) instead of strings.
     */
    private static final class StructuredHighlighter extends UnifiedHighlighter {

        /** Texts by doc id; empty to read the stored fields. */
        private final Map<Integer, SnippetText> texts;

        StructuredHighlighter(Builder builder, FieldInfos fieldInfos, Map<Integer, SnippetText> texts) {
            super(builder);
            this.fieldInfos = fieldInfos;
            this.texts = texts;
        }

        /** The given texts of the documents, cut at the highlighter's maximum length as stored values are. */
        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int charsThreshold)
                throws IOException {
            if (texts.isEmpty()) {
                return super.loadFieldValues(fields, docs, charsThreshold);
            }
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                SnippetText text = texts.get(doc);
                CharSequence[] byField = new CharSequence[fields.length];
                for (int f = 0; f < fields.length; f++) {
                    String value = switch (fields[f]) {
                        case TITLE -> text.title();
                        case ABSTRACT -> text.abstractText();
                        default -> throw new IllegalArgumentException("no text for the field " + fields[f]);
                    };
                    byField[f] = value.length() > getMaxLength() ? value.substring(0, getMaxLength()) : value;
                }
                values.add(byField);
            }
            return values;
        }

        Map<String, Object[]> highlight(Query query, int[] docs) throws IOException {
            return highlightFieldsAsObjects(new String[] {TITLE, ABSTRACT}, query, docs,
                    new int[] {1, ABSTRACT_PASSAGES});
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            return TITLE.equals(field) ? new WholeBreakIterator() : BreakIterator.getSentenceInstance(Locale.ROOT);
        }
    }

    @Override
    public Map<String, String> versions(Collection<String> ids) {
        List<String> list = List.copyOf(ids);
        return withSearcher(searcher -> {
            int[] docs = docIds(searcher, list);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            Map<String, String> versions = new HashMap<>();
            for (int i = 0; i < docs.length; i++) {
                if (docs[i] < 0) {
                    continue;
                }
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
                BinaryDocValues values = leaf.reader().getBinaryDocValues(VERSION);
                if (values != null && values.advanceExact(docs[i] - leaf.docBase)) {
                    versions.put(list.get(i), values.binaryValue().utf8ToString());
                }
            }
            return versions;
        });
    }

    @Override
    public Stats stats() {
        return withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            CachedStats cached = cachedStats;
            if (cached != null && cached.reader() == reader) {
                return cached.stats();
            }
            long withVectors = 0;
            for (LeafReaderContext leaf : reader.leaves()) {
                withVectors += countVectors(leaf.reader());
            }
            Stats stats = new Stats(reader.numDocs(), withVectors);
            cachedStats = new CachedStats(reader, stats);
            return stats;
        });
    }

    private static long countVectors(LeafReader reader) throws IOException {
        FloatVectorValues values = reader.getFloatVectorValues(VECTOR);
        if (values == null) {
            return 0;
        }
        Bits live = reader.getLiveDocs();
        if (live == null) {
            return values.size();
        }
        long count = 0;
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        for (int doc = iterator.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = iterator.nextDoc()) {
            if (live.get(doc)) {
                count++;
            }
        }
        return count;
    }

    private record CachedStats(IndexReader reader, Stats stats) {
    }

    // ---- queries

    /**
     * The Lucene query for a keyword search: every word may match in any field (boosted per field); quoted
     * phrases must match; filters narrow without scoring.
     */
    Query keywordQuery(KeywordQuery query, boolean withFilters) {
        try {
            return buildKeywordQuery(query, withFilters);
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyWords(e);
        }
    }

    private Query buildKeywordQuery(KeywordQuery query, boolean withFilters) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        int clauses = 0;
        for (String word : WHITESPACE.split(query.text().strip())) {
            WordQuery wordQuery = wordQuery(word);
            List<Query> fields = wordQuery.fields();
            if (fields.isEmpty()) {
                continue;
            }
            List<Query> parts = wordQuery.parts();
            if (query.requireAllWords()) {
                // The compound in any field, or all of its parts ("multi agent").
                BooleanQuery.Builder anyField = new BooleanQuery.Builder();
                fields.forEach(f -> anyField.add(f, Occur.SHOULD));
                if (!parts.isEmpty()) {
                    BooleanQuery.Builder allParts = new BooleanQuery.Builder();
                    parts.forEach(p -> allParts.add(p, Occur.MUST));
                    anyField.add(allParts.build(), Occur.SHOULD);
                }
                words.add(anyField.build(), Occur.MUST);
            } else {
                // One flat disjunction of every (word, field) clause scores the same as a disjunction of
                // per-word disjunctions (the scores add up either way), but lets the scorer skip documents on
                // each term's own score bounds: keyword search on 1M papers got about a third faster.
                // A compound's parts are words of their own, so a paper that writes them apart is found too,
                // below those that write the compound.
                fields.forEach(f -> words.add(f, Occur.SHOULD));
                parts.forEach(p -> words.add(p, Occur.SHOULD));
            }
            clauses++;
        }
        for (String phrase : query.phrases()) {
            Query q = phraseQuery(phrase);
            if (q != null) {
                words.add(q, Occur.MUST);
                clauses++;
            }
        }
        Query scored;
        if (clauses > 0) {
            scored = words.build();
        } else if (withFilters && !query.filters().isEmpty()) {
            scored = new MatchAllDocsQuery(); // filters alone (or words that are all stop words)
        } else {
            return new MatchNoDocsQuery("no searchable words");
        }
        return withFilters ? filtered(scored, query.filters()) : scored;
    }

    /**
     * A word's clauses: {@code fields}, the word in each field that keeps anything of it (none for a stop word);
     * {@code parts}, a compound's parts ("multi-agent": multi, agent) as terms of title and abstract, empty for any
     * other word.
     */
    private record WordQuery(List<Query> fields, List<Query> parts) {
    }

    /**
     * One word, matched in each field as that field analyses it: in title and abstract as one field (BM25F, see
     * {@link dailypapers.search.KeywordRanking#TITLE_WEIGHT}), in authors and categories boosted per field. A
     * compound (GPT-4) is one term there ({@link PaperAnalyzer}), and its parts come along; a word that still splits
     * (input/output) is a phrase in title and abstract, boosted per field.
     */
    private WordQuery wordQuery(String word) {
        List<Query> fields = new ArrayList<>(4);
        List<Query> parts = List.of();
        // Title and abstract share one analyzer, so the word is the same term in both.
        Query title = wordQueries.createPhraseQuery(TITLE, word);
        if (title instanceof TermQuery term) {
            fields.add(titleAndAbstract(term.getTerm().bytes()));
            if (phraseQueries.createPhraseQuery(TITLE, word) instanceof PhraseQuery compound) {
                parts = Arrays.stream(compound.getTerms()).map(t -> titleAndAbstract(t.bytes())).toList();
            }
        } else {
            addField(fields, title, TITLE_BOOST);
            addField(fields, wordQueries.createPhraseQuery(ABSTRACT, word), ABSTRACT_BOOST);
        }
        addField(fields, nameQueries.createPhraseQuery(AUTHORS, word), AUTHORS_BOOST);
        addField(fields, categoryQueries.createPhraseQuery(CATEGORIES, word), CATEGORIES_BOOST);
        return new WordQuery(fields, parts);
    }

    private static Query titleAndAbstract(BytesRef term) {
        return new CombinedFieldQuery.Builder(term).addField(TITLE, TITLE_WEIGHT).addField(ABSTRACT, ABSTRACT_BOOST)
                .build();
    }

    private static void addField(List<Query> fields, Query query, float boost) {
        if (query != null) {
            fields.add(new BoostQuery(query, boost));
        }
    }

    /** A quoted phrase, found in the title, the abstract or one author's name. */
    private Query phraseQuery(String phrase) {
        List<Query> fields = new ArrayList<>(3);
        addField(fields, phraseQueries.createPhraseQuery(TITLE, phrase), TITLE_BOOST);
        addField(fields, phraseQueries.createPhraseQuery(ABSTRACT, phrase), ABSTRACT_BOOST);
        addField(fields, nameQueries.createPhraseQuery(AUTHORS, phrase), AUTHORS_BOOST);
        if (fields.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder anyField = new BooleanQuery.Builder();
        fields.forEach(f -> anyField.add(f, Occur.SHOULD));
        return anyField.build();
    }

    /** {@code scored} narrowed by the filters, which do not change scores. */
    private Query filtered(Query scored, Filters filters) {
        if (filters.isEmpty()) {
            return scored;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(scored, Occur.MUST);
        for (String author : filters.authors()) {
            Query q = nameQueries.createPhraseQuery(AUTHORS, author);
            builder.add(q == null ? new MatchNoDocsQuery("author without letters") : q, Occur.FILTER);
        }
        for (String category : filters.categories()) {
            String c = category.toLowerCase(Locale.ROOT);
            if (c.contains(".")) {
                builder.add(new TermQuery(new Term(CATEGORY, c)), Occur.FILTER);
            } else {
                // An archive: cs means cs and every cs.* category.
                builder.add(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(CATEGORY, c)), Occur.SHOULD)
                        .add(new PrefixQuery(new Term(CATEGORY, c + ".")), Occur.SHOULD)
                        .build(), Occur.FILTER);
            }
        }
        if (filters.from().isPresent() || filters.until().isPresent()) {
            long from = filters.from().map(d -> d.toEpochDay()).orElse(Long.MIN_VALUE + 1);
            long until = filters.until().map(d -> d.toEpochDay() - 1).orElse(Long.MAX_VALUE);
            builder.add(LongPoint.newRangeQuery(PUBLISHED, from, until), Occur.FILTER);
        }
        if (filters.hasCode()) {
            builder.add(new TermQuery(new Term(HAS, "code")), Occur.FILTER);
        }
        for (String phrase : filters.phrases()) {
            Query q = phraseQuery(phrase);
            if (q != null) {
                builder.add(q, Occur.FILTER);
            }
        }
        for (String id : filters.excludedIds()) {
            builder.add(new TermQuery(new Term(ID, id)), Occur.MUST_NOT);
        }
        return builder.build();
    }

    /** Every order ends in the descending id, so ties never fall back to index order. */
    private static Sort sort(ResultOrder order) {
        return switch (order) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, new SortField(ID, SortField.Type.STRING, true));
            case DATE -> new Sort(new SortField(PUBLISHED_SORT, SortField.Type.LONG, true),
                    new SortField(ID, SortField.Type.STRING, true));
            case UPVOTES -> new Sort(new SortField(UPVOTES, SortField.Type.LONG, true),
                    new SortField(PUBLISHED_SORT, SortField.Type.LONG, true),
                    new SortField(ID, SortField.Type.STRING, true));
        };
    }

    /** Hits of a top-docs answer, by score and then descending id. */
    private static Hits ranked(IndexSearcher searcher, TopDocs top) throws IOException {
        int[] docs = Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).toArray();
        String[] ids = ids(searcher, docs);
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            hits.add(new Hit(ids[i], top.scoreDocs[i].score));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).thenComparing(Hit::id).reversed());
        return new Hits(hits, hits.size(), true);
    }

    /** The ids of these doc ids, from doc values. */
    private static String[] ids(IndexSearcher searcher, int[] docs) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        String[] ids = new String[docs.length];
        for (int i = 0; i < docs.length; i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
            SortedDocValues values = leaf.reader().getSortedDocValues(ID);
            if (values == null || !values.advanceExact(docs[i] - leaf.docBase)) {
                throw new IllegalStateException("document " + docs[i] + " has no id");
            }
            ids[i] = values.lookupOrd(values.ordValue()).utf8ToString();
        }
        return ids;
    }

    /** The live doc id of each id, or -1 when the index does not hold it. */
    private static int[] docIds(IndexSearcher searcher, List<String> ids) throws IOException {
        int[] docs = new int[ids.size()];
        Arrays.fill(docs, -1);
        PostingsEnum postings = null;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(ID);
            if (terms == null) {
                continue;
            }
            TermsEnum termsEnum = terms.iterator();
            Bits live = leaf.reader().getLiveDocs();
            for (int i = 0; i < docs.length; i++) {
                if (docs[i] >= 0 || !termsEnum.seekExact(new BytesRef(ids.get(i)))) {
                    continue;
                }
                postings = termsEnum.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        docs[i] = leaf.docBase + doc;
                        break;
                    }
                }
            }
        }
        return docs;
    }

    @Override
    public Optional<String> fault() {
        try {
            return withLive(g -> {
                if (!g.writer().isOpen()) {
                    Throwable tragic = g.writer().getTragicException();
                    return Optional.of(tragic == null ? "the index is closed"
                            : "the index writer failed: " + tragic.getMessage());
                }
                // Acquiring fails once the searchers are closed, and costs a reference count otherwise.
                g.searchers().release(g.searchers().acquire());
                return Optional.empty();
            });
        } catch (AlreadyClosedException e) {
            return Optional.of("the index is closed");
        } catch (RuntimeException e) {
            return Optional.of("the index cannot be read: " + e.getMessage());
        }
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private interface GenerationWork<T> {
        T apply(Generation generation) throws IOException;
    }

    private interface WriterWork {
        void apply(IndexWriter writer) throws IOException;
    }

    /** Runs {@code work} on the live generation; a swap waits until it is done. */
    private <T> T withLive(GenerationWork<T> work) {
        swapLock.readLock().lock();
        try {
            return work.apply(live);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            swapLock.readLock().unlock();
        }
    }

    private void withWriter(WriterWork work) {
        withLive(g -> {
            work.apply(g.writer());
            return null;
        });
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        return withLive(g -> {
            IndexSearcher searcher = g.searchers().acquire();
            try {
                return work.apply(searcher);
            } catch (IndexSearcher.TooManyClauses e) {
                throw tooManyWords(e);
            } finally {
                g.searchers().release(searcher);
            }
        });
    }

    /** Lucene's limit on clauses, met in building a query or in rewriting it, is the query's fault. */
    private static InvalidQueryException tooManyWords(IndexSearcher.TooManyClauses e) {
        return new InvalidQueryException(InvalidQueryException.Reason.TOO_COMPLEX, "the query has too many words", e);
    }

    /** Closes the live generation and releases the index folder, all of it even when a part fails. */
    @Override
    public void close() {
        swapLock.writeLock().lock();
        try {
            IOUtils.close(live, storage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            swapLock.writeLock().unlock();
        }
    }

    /** The analyzers of each field; queries are analysed like the field they search. */
    private static final class Analyzers {

        private final Analyzer english = new PaperAnalyzer(CompoundFilter.Emit.PARTS_AND_WHOLE);
        private final Analyzer englishWords = new PaperAnalyzer(CompoundFilter.Emit.WHOLE);
        private final Analyzer englishPhrases = new PaperAnalyzer(CompoundFilter.Emit.PARTS);
        private final Analyzer names = new NameAnalyzer();
        private final Analyzer categories = new CategoryAnalyzer();

        /** Titles and abstracts as indexed, and as highlighted. */
        Analyzer english() {
            return english;
        }

        Analyzer englishWords() {
            return englishWords;
        }

        Analyzer englishPhrases() {
            return englishPhrases;
        }

        Analyzer names() {
            return names;
        }

        Analyzer categories() {
            return categories;
        }

        Analyzer perField() {
            return new PerFieldAnalyzerWrapper(english, Map.of(AUTHORS, names, CATEGORIES, categories));
        }
    }
}
