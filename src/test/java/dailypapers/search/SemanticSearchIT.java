package dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import dailypapers.TestApp;
import dailypapers.paper.ArxivId;
import dailypapers.search.Fusion.FusedHit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Semantic and hybrid search, similar papers and the query cache, on the 1,000-paper sample with every paper
 * embedded by a small deterministic test encoder (the real model is another component's to test).
 */
class SemanticSearchIT {

    private static final HashingEncoder encoder = new HashingEncoder();
    private static TestApp app;
    private static SearchService search;

    @BeforeAll
    static void start() {
        app = TestApp.withSample(encoder);
        search = app.app().search().search();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static SearchResult run(String query, SearchMode mode, int limit) {
        return search.search(new SearchRequest(query, Optional.of(mode), ResultOrder.RELEVANCE, 0, limit));
    }

    private static List<Hit> hits(SearchResult result) {
        return result.hits().stream().map(h -> new Hit(h.entry().paper().id().value(), h.score())).toList();
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(h -> h.entry().paper().id().value()).toList();
    }

    @Test
    void everyPaperGotAVectorAndTheIndexHasThemAll() {
        assertThat(app.app().search().vectors().count(encoder.model())).isEqualTo(1_000);
        assertThat(app.app().search().vectors().countMissing(encoder.model())).isZero();
        SearchService.Status status = search.status();
        assertThat(status.documentsWithVectors()).isEqualTo(status.documents()).isEqualTo(1_000);
        assertThat(status.model()).hasValue(encoder.model());
    }

    @Test
    void semanticResultsAreTheNearestPapersInOrder() {
        SearchResult result = run("language agent role play for open world games", SearchMode.SEMANTIC, 10);
        assertThat(result.mode()).isEqualTo(SearchMode.SEMANTIC);
        assertThat(result.notices()).isEmpty();
        assertThat(result.hits()).hasSize(10);
        assertThat(result.hits()).extracting(SearchHit::semanticRank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(result.hits()).extracting(SearchHit::score).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(ids(result)).contains("2312.17653"); // LARP: Language-Agent Role Play for Open-World Games
    }

    @Test
    void hybridFusesTheKeywordAndSemanticCandidatesAsConfigured() {
        String query = "video diffusion transformer";
        SearchResult result = run(query, SearchMode.HYBRID, 20);
        assertThat(result.mode()).isEqualTo(SearchMode.HYBRID);
        Ranker.Tuning tuning = app.app().config().search().tuning();
        List<Hit> keyword = hits(run(query, SearchMode.KEYWORD, tuning.candidates()));
        List<Hit> semantic = hits(run(query, SearchMode.SEMANTIC, tuning.candidates()));
        List<FusedHit> expected = tuning.fusion().fuse(keyword, semantic);
        assertThat(ids(result)).isEqualTo(expected.stream().limit(20).map(FusedHit::id).toList());
        assertThat(result.hits()).anyMatch(h -> h.keywordRank() > 0 && h.semanticRank() > 0);
        assertThat(result.hits()).as("both parts contribute").anyMatch(h -> h.keywordRank() > 0)
                .anyMatch(h -> h.semanticRank() > 0);
        assertThat(result.hits()).extracting(SearchHit::score)
                .isEqualTo(expected.stream().limit(20).map(FusedHit::score).toList());
        assertThat(tuning.fusion()).as("the default").isInstanceOf(Fusion.Convex.class);
        double w = ((Fusion.Convex) tuning.fusion()).keywordWeight();
        String first = ids(result).getFirst();
        assertThat(result.hits().getFirst().score()).as("2 (w bm25 / best bm25 + (1 - w) sim / best sim)")
                .isCloseTo(2 * (w * share(keyword, first) + (1 - w) * share(semantic, first)),
                        org.assertj.core.data.Offset.offset(1e-9));
    }

    /** The hit's score over the list's best; 0 when the list lacks it. */
    private static double share(List<Hit> hits, String id) {
        return hits.stream().filter(h -> h.id().equals(id)).mapToDouble(Hit::score).findFirst().orElse(0)
                / hits.getFirst().score();
    }

    @Test
    void hybridKeepsTheExactTitleFirst() {
        SearchResult result = run("LARP: Language-Agent Role Play for Open-World Games", SearchMode.HYBRID, 5);
        assertThat(ids(result)).first().isEqualTo("2312.17653");
        assertThat(result.hits().getFirst().isExactMatch()).isTrue();
    }

    @Test
    void semanticResultsObeyFiltersAndPhrases() {
        SearchResult result = run("language models year:2025 cat:cs.CL", SearchMode.SEMANTIC, 50);
        assertThat(result.hits()).isNotEmpty().allSatisfy(h -> {
            assertThat(h.entry().paper().published().getYear()).isEqualTo(2025);
            assertThat(h.entry().paper().categories()).contains("cs.CL");
        });
        SearchResult phrase = run("\"video generation\" quality", SearchMode.HYBRID, 50);
        assertThat(phrase.hits()).isNotEmpty().allSatisfy(h -> assertThat(
                (h.entry().paper().title() + " " + h.entry().paper().abstractText()).toLowerCase()
                        .replaceAll("[^a-z ]", " ").replaceAll(" +", " ")).contains("video generat"));
    }

    @Test
    void semanticResultsSortByDateOrUpvotesOnRequest() {
        SearchResult result = search.search(new SearchRequest("robot manipulation", Optional.of(SearchMode.HYBRID),
                ResultOrder.UPVOTES, 0, 30));
        assertThat(result.hits()).extracting(h -> h.entry().upvotes()).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void aRepeatedQueryIsEmbeddedOnce() {
        int before = encoder.queryCalls();
        run("a query asked twice about sparse attention", SearchMode.SEMANTIC, 5);
        run("a query asked twice about sparse attention", SearchMode.HYBRID, 5);
        run("  a query asked twice   about sparse attention ", SearchMode.SEMANTIC, 5);
        assertThat(encoder.queryCalls() - before).isEqualTo(1);
    }

    @Test
    void similarPapersComeFromStoredVectorsWithoutAModelCall() {
        int queries = encoder.queryCalls();
        int passages = encoder.passageCalls();
        SimilarPapers.Similar similar = app.app().search().similar().similar(
                app.app().feed().feed().paper(new ArxivId("2312.17653")).orElseThrow(), 8);
        assertThat(similar.byMeaning()).isTrue();
        assertThat(similar.papers()).hasSize(8).noneMatch(e -> e.paper().id().value().equals("2312.17653"));
        assertThat(encoder.queryCalls()).isEqualTo(queries);
        assertThat(encoder.passageCalls()).isEqualTo(passages);
    }

    @Test
    void aFailingModelFallsBackToKeywordsAndSaysSo() {
        encoder.setFailing(true);
        try {
            SearchResult result = run("a query the failing model never saw", SearchMode.HYBRID, 5);
            assertThat(result.mode()).isEqualTo(SearchMode.KEYWORD);
            assertThat(result.notices()).anyMatch(n -> n.contains("embedding model failed"));
        } finally {
            encoder.setFailing(false);
        }
    }

    @Test
    void searchPageSaysWhichModeRanAndExplainsRanks() {
        String body = app.get("/search?q=video+diffusion+transformer").body();
        assertThat(body).contains("matched by meaning and by words, the two rankings fused")
                .containsPattern("keyword #\\d+ · semantic #\\d+").doesNotContain("Showing keyword results");
        assertThat(app.get("/api/papers/search?q=video&mode=semantic").headers().firstValue("X-Search-Mode"))
                .hasValue("semantic");
        assertThat(app.get("/papers/2312.17653").body()).contains("Nearest by meaning");
    }
}
