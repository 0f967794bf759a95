package dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dailypapers.TestApp;
import dailypapers.TestData;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperEntry;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keyword search through the service, on the 1,000-paper sample in real SQLite and a real Lucene index, without an
 * embedding model: the query syntax, exact matches, filters, phrases, orders, paging and hostile input.
 */
class SearchServiceIT {

    private static TestApp app;
    private static SearchService search;
    private static List<JsonNode> sample;

    @BeforeAll
    static void start() {
        app = TestApp.withSample();
        search = app.app().search().search();
        sample = TestData.sampleRecords();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static SearchResult run(String query) {
        return search.search(new SearchRequest(query, Optional.of(SearchMode.KEYWORD), ResultOrder.RELEVANCE, 0,
                50));
    }

    private static SearchResult run(String query, ResultOrder order, int offset, int limit) {
        return search.search(new SearchRequest(query, Optional.of(SearchMode.KEYWORD), order, offset, limit));
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(h -> h.entry().paper().id().value()).toList();
    }

    private static JsonNode paper(String id) {
        return sample.stream().filter(p -> p.get("id").asText().equals(id)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"%s", "arXiv:%s", "arxiv:%sv2", "%sv3", "https://arxiv.org/abs/%s",
            "https://arxiv.org/abs/%sv2", "http://arxiv.org/pdf/%s.pdf", "arxiv.org/pdf/%sv1", "  %s  "})
    void anArxivIdInAnyFormFindsThatPaper(String form) {
        String id = "2401.03462";
        SearchResult result = run(form.formatted(id));
        assertThat(ids(result)).containsExactly(id);
        assertThat(result.hits().getFirst().isExactMatch()).isTrue();
    }

    @Test
    void anUnknownIdSaysSoAndSearchesTheWords() {
        SearchResult result = run("2501.99999");
        assertThat(result.notices()).anyMatch(n -> n.contains("No paper with the id 2501.99999"));
        assertThat(result.hits()).isEmpty();
    }

    @Test
    void anExactTitleComesFirstWhateverItsCaseAndPunctuation() {
        for (JsonNode paper : sample.subList(0, 40)) {
            String title = paper.get("title").asText();
            String typed = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ");
            SearchResult result = run(typed);
            assertThat(ids(result)).as(title).first().isEqualTo(paper.get("id").asText());
            assertThat(result.hits().getFirst().isExactMatch()).isTrue();
            assertThat(ids(result)).as("the pinned paper is not repeated").doesNotHaveDuplicates();
        }
    }

    @Test
    void aQuotedTitleIsAnExactTitleToo() {
        JsonNode paper = paper("2312.17653");
        SearchResult result = run("\"" + paper.get("title").asText() + "\"");
        assertThat(ids(result)).first().isEqualTo("2312.17653");
    }

    @Test
    void wordsRankPapersAboutThemFirst() {
        SearchResult result = run("neural radiance fields");
        assertThat(result.hits()).isNotEmpty();
        assertThat(result.hits().subList(0, 3)).allSatisfy(h -> assertThat(
                (h.entry().paper().title() + " " + h.entry().paper().abstractText()).toLowerCase(Locale.ROOT))
                .containsAnyOf("radiance", "nerf"));
        assertThat(result.hits()).extracting(SearchHit::score).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void authorFilterKeepsOnlyThatAuthorsPapers() {
        long expected = sample.stream()
                .filter(p -> p.get("authors").valueStream().anyMatch(a -> a.asText().equals("Dahua Lin"))).count();
        SearchResult result = run("author:\"Dahua Lin\"");
        assertThat(result.total()).isEqualTo(expected);
        assertThat(result.hits()).allSatisfy(h -> assertThat(h.entry().paper().authors()).contains("Dahua Lin"));
        assertThat(result.order()).as("filters alone list newest first").isEqualTo(ResultOrder.DATE);
        assertThat(result.hits()).extracting(h -> h.entry().paper().published())
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void authorFilterMatchesWithinOneNameAndIgnoresCaseAndAccents() {
        assertThat(run("author:\"dahua lin\"").total()).isEqualTo(run("author:\"Dahua Lin\"").total());
        // "Lin Dahua" would need the words in another order; a phrase never spans two authors either.
        assertThat(run("author:\"Lin Dahua\"").hits()).noneMatch(h -> h.entry().paper().authors()
                .contains("Dahua Lin"));
    }

    @Test
    void categoryFilterTakesACategoryOrAWholeArchive() {
        SearchResult cl = run("language models cat:cs.CL");
        assertThat(cl.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.entry().paper().categories())
                .contains("cs.CL"));
        SearchResult cs = run("language models cat:cs");
        assertThat(cs.total()).isGreaterThan(cl.total());
        assertThat(cs.hits()).allSatisfy(h -> assertThat(h.entry().paper().categories())
                .anyMatch(c -> c.startsWith("cs.")));
        assertThat(run("language models cat:CS.cl").total()).isEqualTo(cl.total());
    }

    @Test
    void yearFilterKeepsThatYearAndRangesIncludeBothEnds() {
        long in2024 = sample.stream().filter(p -> p.get("published").asText().startsWith("2024")).count();
        SearchResult year = run("year:2024", ResultOrder.DATE, 0, 200);
        assertThat(year.total()).isEqualTo(in2024);
        assertThat(year.hits()).allSatisfy(h -> assertThat(h.entry().paper().published().getYear())
                .isEqualTo(2024));
        long range = sample.stream().filter(p -> p.get("published").asText().compareTo("2024") >= 0
                && p.get("published").asText().compareTo("2026") < 0).count();
        assertThat(run("year:2024..2025").total()).isEqualTo(range);
        SearchResult month = run("date:2025-03 model");
        assertThat(month.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.entry().paper().published())
                .isBetween(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)));
    }

    @Test
    void hasCodeKeepsPapersWithARepository() {
        long withCode = sample.stream().filter(p -> !p.get("github").isNull()).count();
        SearchResult result = run("has:code", ResultOrder.DATE, 0, 50);
        assertThat(result.total()).isEqualTo(withCode);
        assertThat(result.hits()).allSatisfy(h -> assertThat(h.entry().paper().githubRepo()).isNotBlank());
    }

    @Test
    void aBadFilterIsIgnoredWithAWarning() {
        SearchResult result = run("video year:20x5 has:slides");
        assertThat(result.notices()).anyMatch(n -> n.contains("year:20x5")).anyMatch(n -> n.contains("has:slides"));
        assertThat(result.total()).isEqualTo(run("video").total());
    }

    @Test
    void aQuotedPhraseMustAppearAsAPhrase() {
        SearchResult result = run("\"video generation\"", ResultOrder.RELEVANCE, 0, 100);
        assertThat(result.hits()).isNotEmpty().allSatisfy(h -> assertThat(
                (h.entry().paper().title() + " " + h.entry().paper().abstractText()).toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z ]", " ").replaceAll(" +", " "))
                .containsPattern("video generat"));
        assertThat(result.total()).isLessThan(run("video generation").total());
    }

    @Test
    void dateOrderIsNewestFirstWithTiesByIdDescending() {
        SearchResult result = run("model", ResultOrder.DATE, 0, 200);
        assertThat(result.hits()).hasSizeGreaterThan(50);
        assertThat(result.hits()).extracting(SearchHit::entry).isSortedAccordingTo(
                Comparator.comparing((PaperEntry e) -> e.paper().published()).reversed()
                        .thenComparing(e -> e.paper().id(), Comparator.reverseOrder()));
    }

    @Test
    void upvoteOrderIsMostUpvotedFirstAndNeedsEveryWord() {
        SearchResult result = run("diffusion video", ResultOrder.UPVOTES, 0, 100);
        assertThat(result.hits()).isNotEmpty();
        assertThat(result.hits()).extracting(SearchHit::entry).isSortedAccordingTo(
                Comparator.comparingInt(PaperEntry::upvotes).reversed()
                        .thenComparing(e -> e.paper().published(), Comparator.reverseOrder())
                        .thenComparing(e -> e.paper().id(), Comparator.reverseOrder()));
        assertThat(result.hits()).allSatisfy(h -> assertThat(
                (h.entry().paper().title() + " " + h.entry().paper().abstractText()).toLowerCase(Locale.ROOT))
                .contains("diffusion").contains("video"));
    }

    @Test
    void pagesFollowOnWithoutRepeatsOrGaps() {
        List<String> all = ids(run("language", ResultOrder.RELEVANCE, 0, 60));
        List<String> first = ids(run("language", ResultOrder.RELEVANCE, 0, 30));
        List<String> second = ids(run("language", ResultOrder.RELEVANCE, 30, 30));
        assertThat(first).hasSize(30);
        assertThat(second).hasSize(30);
        assertThat(concat(first, second)).isEqualTo(all);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    void snippetsMarkTheMatchedWords() {
        SearchHit hit = run("radiance").hits().getFirst();
        assertThat(hit.snippets().title().hasMatches() || hit.snippets().abstractText().hasMatches()).isTrue();
        hit.snippets().abstractText().fragments().stream().filter(Highlight.Fragment::isMatch)
                .forEach(f -> assertThat(f.text().toLowerCase(Locale.ROOT)).startsWith("radian"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unbalanced quote", "AND OR ((", "title:(foo OR bar) AND NOT baz^2 ~3 *x? [a TO b]",
            "\\", "\"\"", "::::", "author:", "author:\"", "cat:!!", "year:..", "---", "*", "?", "{}[]()",
            "the of and", "日本語の論文", "😀 emoji"})
    void hostileQueriesNeverFail(String query) {
        SearchResult result = run(query);
        assertThat(result.hits()).isNotNull();
    }

    @Test
    void lucenesSyntaxIsJustText() {
        assertThat(run("video AND generation").total()).isEqualTo(run("video generation").total());
    }

    @Test
    void tooLongAQueryIsRefused() {
        assertThatThrownBy(() -> run("a".repeat(10_000))).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("at most 250");
    }

    @Test
    void hybridWithoutAModelFallsBackToKeywordsAndSaysSo() {
        SearchResult result = search.search(new SearchRequest("video generation", Optional.empty(),
                ResultOrder.RELEVANCE, 0, 10));
        assertThat(result.requestedMode()).isEqualTo(SearchMode.HYBRID);
        assertThat(result.mode()).isEqualTo(SearchMode.KEYWORD);
        assertThat(result.notices()).anyMatch(n -> n.contains("no embedding model"));
        assertThat(ids(result)).isEqualTo(ids(run("video generation", ResultOrder.RELEVANCE, 0, 10)));
    }

    private static PaperEntry entry(String id) {
        return app.app().feed().feed().paper(new ArxivId(id)).orElseThrow();
    }

    @Test
    void similarPapersWithoutVectorsShareWordsAndExcludeThePaper() {
        SimilarPapers.Similar similar = app.app().search().similar().similar(entry("2401.01647"), 5);
        assertThat(similar.byMeaning()).isFalse();
        assertThat(similar.papers()).hasSize(5)
                .noneMatch(e -> e.paper().id().value().equals("2401.01647"));
    }
}
