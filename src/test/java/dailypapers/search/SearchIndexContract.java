package dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SearchIndex} must do, whatever the engine: run it against Lucene today and a SolrCloud
 * implementation later. Small hand-made documents, so each expectation is plain.
 */
public abstract class SearchIndexContract {

    protected abstract SearchIndex openIndex();

    private SearchIndex index;

    @BeforeEach
    void open() {
        index = openIndex();
    }

    @AfterEach
    void close() {
        if (index != null) { // null when the engine could not be reached and the test was skipped
            index.close();
        }
    }

    private static SearchDocument doc(String id, String title, String abstractText, LocalDate published,
            int upvotes, float[] vector) {
        return new SearchDocument(id, title, abstractText, List.of("Ada Lovelace"), List.of("cs.LG"), published,
                upvotes, false, vector, "v-" + id);
    }

    private static SearchDocument doc(String id, String title) {
        return doc(id, title, "", LocalDate.of(2025, 1, 1), 0, null);
    }

    private List<String> keyword(String text, ResultOrder order) {
        return index.keyword(new KeywordQuery(text, List.of(), Filters.NONE, order != ResultOrder.RELEVANCE), order,
                0, 100).hits().stream().map(Hit::id).toList();
    }

    @Test
    void upsertReplacesADocumentWithTheSameId() {
        index.upsert(List.of(doc("1", "quasars")));
        index.upsert(List.of(doc("1", "pulsars")));
        index.refresh();
        assertThat(keyword("quasars", ResultOrder.RELEVANCE)).isEmpty();
        assertThat(keyword("pulsars", ResultOrder.RELEVANCE)).containsExactly("1");
        assertThat(index.stats().documents()).isEqualTo(1);
    }

    @Test
    void equalScoresAreOrderedByDescendingIdNotByInsertion() {
        index.upsert(List.of(doc("c", "same words"), doc("a", "same words"), doc("b", "same words")));
        index.refresh();
        assertThat(keyword("same words", ResultOrder.RELEVANCE)).containsExactly("c", "b", "a");
    }

    @Test
    void tiesBreakByDescendingIdInEveryOrder() {
        LocalDate day = LocalDate.of(2025, 5, 1);
        float[] vector = {0.6f, 0.8f};
        index.upsert(List.of(doc("2501.00002", "twin", "", day, 3, vector),
                doc("2501.00003", "twin", "", day, 3, vector), doc("2501.00001", "twin", "", day, 3, vector)));
        index.refresh();
        List<String> newestIdFirst = List.of("2501.00003", "2501.00002", "2501.00001");
        for (ResultOrder order : ResultOrder.values()) {
            assertThat(keyword("twin", order)).as("keyword, %s", order).isEqualTo(newestIdFirst);
        }
        assertThat(index.nearest(vector, Filters.NONE, 10).hits()).extracting(Hit::id).isEqualTo(newestIdFirst);
        assertThat(index.exactMatches(Optional.empty(), Optional.of("Twin"), Filters.NONE)).isEqualTo(newestIdFirst);
    }

    @Test
    void aWordInTitleAndAbstractOutranksTheAbstractAlone() {
        index.upsert(List.of(doc("1", "other things", "all about graphene", LocalDate.of(2025, 1, 1), 0, null),
                doc("2", "graphene", "all about graphene", LocalDate.of(2025, 1, 1), 0, null)));
        index.refresh();
        assertThat(keyword("graphene", ResultOrder.RELEVANCE)).containsExactly("2", "1");
    }

    @Test
    void dateAndUpvoteOrdersBreakTiesByIdDescending() {
        LocalDate day = LocalDate.of(2025, 5, 1);
        index.upsert(List.of(doc("1", "topic", "", day, 5, null), doc("2", "topic", "", day.plusDays(1), 1, null),
                doc("3", "topic", "", day, 5, null)));
        index.refresh();
        assertThat(keyword("topic", ResultOrder.DATE)).containsExactly("2", "3", "1");
        assertThat(keyword("topic", ResultOrder.UPVOTES)).containsExactly("3", "1", "2");
    }

    @Test
    void offsetAndLimitPage() {
        for (int i = 0; i < 30; i++) {
            index.upsert(List.of(doc(String.format("%02d", i), "paging")));
        }
        index.refresh();
        Hits page = index.keyword(KeywordQuery.text("paging"), ResultOrder.RELEVANCE, 10, 5);
        assertThat(page.hits()).extracting(Hit::id).containsExactly("19", "18", "17", "16", "15");
        assertThat(page.total()).isEqualTo(30);
        assertThat(page.totalIsExact()).isTrue();
    }

    @Test
    void nearestVectorsComeFirstAndFiltersApply() {
        index.upsert(List.of(
                doc("x", "one", "", LocalDate.of(2024, 1, 1), 0, new float[] {1, 0}),
                doc("y", "two", "", LocalDate.of(2025, 1, 1), 0, new float[] {0.8f, 0.6f}),
                doc("z", "three", "", LocalDate.of(2025, 1, 1), 0, new float[] {0, 1}),
                doc("w", "no vector")));
        index.refresh();
        assertThat(index.nearest(new float[] {1, 0.1f}, Filters.NONE, 10).hits()).extracting(Hit::id)
                .containsExactly("x", "y", "z");
        Filters in2025 = new Filters(List.of(), List.of(), Optional.of(LocalDate.of(2025, 1, 1)), Optional.empty(),
                false, java.util.Set.of(), List.of());
        assertThat(index.nearest(new float[] {1, 0.1f}, in2025, 10).hits()).extracting(Hit::id)
                .containsExactly("y", "z");
        assertThat(index.nearest(new float[] {1, 0.1f}, Filters.NONE.excluding("x"), 1).hits()).extracting(Hit::id)
                .containsExactly("y");
        Filters noneThen = new Filters(List.of(), List.of(), Optional.empty(), Optional.of(LocalDate.of(1990, 1, 1)),
                false, java.util.Set.of(), List.of());
        assertThat(index.nearest(new float[] {1, 0.1f}, noneThen, 10).hits()).as("a filter nothing passes")
                .isEmpty();
        assertThat(index.stats()).isEqualTo(new SearchIndex.Stats(4, 3));
    }

    @Test
    void exactMatchesFindAnIdOrATitleIgnoringCaseAndPunctuation() {
        index.upsert(List.of(doc("2", "Attention Is All You Need"), doc("1", "attention is all you need!"),
                doc("3", "Something else")));
        index.refresh();
        assertThat(index.exactMatches(Optional.empty(), Optional.of("ATTENTION  is all-you need"), Filters.NONE))
                .containsExactly("2", "1");
        assertThat(index.exactMatches(Optional.of("3"), Optional.of("attention is all you need"), Filters.NONE))
                .containsExactly("3", "2", "1");
        assertThat(index.exactMatches(Optional.empty(), Optional.of("..."), Filters.NONE)).isEmpty();
    }

    @Test
    void snippetsMarkMatchesInPlainTextFragments() {
        String title = "<b>Graphene</b> & friends";
        String abstractText = "First sentence is dull. Graphene conducts <i>well</i>. Last sentence.";
        index.upsert(List.of(doc("1", title, abstractText, LocalDate.of(2025, 1, 1), 0, null)));
        index.refresh();
        Snippets snippets = index.snippets(KeywordQuery.text("graphene"),
                List.of(new SnippetText("1", title, abstractText), new SnippetText("missing", "x", "y"))).get("1");
        assertThat(snippets.title().fragments()).containsExactly(new Highlight.Fragment("<b>", false),
                new Highlight.Fragment("Graphene", true), new Highlight.Fragment("</b> & friends", false));
        assertThat(snippets.abstractText().text()).contains("Graphene conducts <i>well</i>.");
        assertThat(snippets.abstractText().fragments()).filteredOn(Highlight.Fragment::isMatch)
                .extracting(Highlight.Fragment::text).containsExactly("Graphene");
        assertThat(index.snippets(KeywordQuery.text("graphene"), List.of(new SnippetText("missing", "x", "y"))))
                .isEmpty();
    }

    @Test
    void snippetsOfATextChangedSinceIndexingMarkTheIndexedText() {
        index.upsert(List.of(doc("1", "Graphene sheets", "Graphene conducts well. It bends.",
                LocalDate.of(2025, 1, 1), 0, null)));
        index.refresh();

        Snippets snippets = index.snippets(KeywordQuery.text("graphene"),
                List.of(new SnippetText("1", "Silicon wafers", "Silicon is brittle. It breaks."))).get("1");

        assertThat(snippets.title().fragments()).containsExactly(new Highlight.Fragment("Graphene", true),
                new Highlight.Fragment(" sheets", false));
        assertThat(snippets.abstractText().fragments()).filteredOn(Highlight.Fragment::isMatch)
                .extracting(Highlight.Fragment::text).containsExactly("Graphene");
    }

    /** The snippets of one paper with this title and abstract, as indexed, for {@code query}. */
    private Snippets indexedSnippets(String query, String title, String abstractText) {
        index.upsert(List.of(doc("1", title, abstractText, LocalDate.of(2025, 1, 1), 0, null)));
        index.refresh();
        return index.snippets(KeywordQuery.text(query), List.of(new SnippetText("1", title, abstractText))).get("1");
    }

    @Test
    void aHyphenatedQueryWordIsMarkedWhereverTheCompoundIsWritten() {
        Snippets snippets = indexedSnippets("multi-agent", "Multi-agent planning",
                "Multiagent systems, and multi agent ones.");
        assertThat(snippets.title().fragments()).filteredOn(Highlight.Fragment::isMatch)
                .extracting(Highlight.Fragment::text).containsExactly("Multi-agent");
        assertThat(snippets.abstractText().fragments()).filteredOn(Highlight.Fragment::isMatch)
                .extracting(Highlight.Fragment::text).containsExactly("Multiagent", "multi", "agent");
    }

    private List<String> phrase(String phrase) {
        return index.keyword(new KeywordQuery("", List.of(phrase), Filters.NONE, false), ResultOrder.RELEVANCE, 0,
                100).hits().stream().map(Hit::id).toList();
    }

    @Test
    void aHyphenatedWordFindsTheCompoundHyphenatedWrittenTogetherOrApart() {
        index.upsert(List.of(doc("1", "Multi-agent planning"), doc("2", "Multiagent planning"),
                doc("3", "Multi agent planning"), doc("4", "Planning for one agent")));
        index.refresh();
        // Its parts are words too: found apart, but below the compound written as the query writes it.
        assertThat(keyword("multi-agent", ResultOrder.RELEVANCE)).startsWith("1")
                .containsExactlyInAnyOrder("1", "2", "3", "4");
        assertThat(keyword("multi-agent", ResultOrder.DATE)).as("every word required: the compound, or all its parts")
                .containsExactlyInAnyOrder("1", "2", "3");
        assertThat(keyword("multiagent", ResultOrder.RELEVANCE)).containsExactlyInAnyOrder("1", "2");
        assertThat(keyword("multi agent", ResultOrder.RELEVANCE)).containsExactlyInAnyOrder("1", "3", "4");
        assertThat(phrase("multi agent planning")).containsExactlyInAnyOrder("1", "3");
        assertThat(phrase("multi-agent planning")).containsExactlyInAnyOrder("1", "3");
    }

    @Test
    void compoundsAreWordsJoinedByAHyphenWithALetterOnOneSide() {
        index.upsert(List.of(doc("1", "GPT-4 and 1-bit models"), doc("2", "Years 2020-2021")));
        index.refresh();
        assertThat(keyword("gpt4", ResultOrder.RELEVANCE)).containsExactly("1");
        assertThat(keyword("1bit", ResultOrder.RELEVANCE)).containsExactly("1");
        assertThat(keyword("gpt", ResultOrder.RELEVANCE)).containsExactly("1");
        assertThat(keyword("20202021", ResultOrder.RELEVANCE)).isEmpty();
        assertThat(keyword("2021", ResultOrder.RELEVANCE)).containsExactly("2");
    }

    @Test
    void versionsAreKeptAndDeletesRemoveDocuments() {
        index.upsert(List.of(doc("1", "alpha"), doc("2", "alpha")));
        index.commit();
        assertThat(index.versions(List.of("1", "2", "3"))).isEqualTo(Map.of("1", "v-1", "2", "v-2"));
        index.delete(List.of("1", "unknown"));
        index.refresh();
        assertThat(keyword("alpha", ResultOrder.RELEVANCE)).containsExactly("2");
        assertThat(index.versions(List.of("1", "2"))).isEqualTo(Map.of("2", "v-2"));
        assertThat(index.stats().documents()).isEqualTo(1);
    }

    @Test
    void aRebuildIsInvisibleUntilItsSwapThenReplacesEverything() {
        index.upsert(List.of(doc("1", "old"), doc("2", "old")));
        index.commit();
        String before = index.generation();
        String rebuilt;
        try (SearchIndex.Rebuild build = index.rebuild()) {
            rebuilt = build.generation();
            assertThat(rebuilt).isNotEqualTo(before);
            build.add(List.of(doc("3", "new"), doc("4", "new"), doc("5", "new")));
            assertThat(keyword("old", ResultOrder.RELEVANCE)).containsExactly("2", "1");
            assertThat(keyword("new", ResultOrder.RELEVANCE)).isEmpty();
            assertThat(index.generation()).isEqualTo(before);
            build.swap();
        }
        assertThat(index.generation()).isEqualTo(rebuilt);
        assertThat(keyword("old", ResultOrder.RELEVANCE)).isEmpty();
        assertThat(keyword("new", ResultOrder.RELEVANCE)).containsExactly("5", "4", "3");
        assertThat(index.stats().documents()).isEqualTo(3);
        index.upsert(List.of(doc("6", "new")));
        index.refresh();
        assertThat(keyword("new", ResultOrder.RELEVANCE)).as("writes go to the new generation").hasSize(4);
    }

    @Test
    void aRebuildClosedWithoutASwapLeavesTheLiveIndexAsItWas() {
        index.upsert(List.of(doc("1", "old")));
        index.commit();
        String before = index.generation();
        try (SearchIndex.Rebuild build = index.rebuild()) {
            build.add(List.of(doc("2", "new")));
        }
        assertThat(index.generation()).isEqualTo(before);
        assertThat(keyword("old", ResultOrder.RELEVANCE)).containsExactly("1");
        assertThat(keyword("new", ResultOrder.RELEVANCE)).isEmpty();
    }

    @Test
    void searchesDuringARebuildSeeTheWholeOldIndexAndAfterItTheWholeNewOne() throws Exception {
        List<SearchDocument> old = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            old.add(doc(String.format("old-%02d", i), "topic"));
        }
        index.upsert(old);
        index.commit();
        Set<Long> totals = ConcurrentHashMap.newKeySet();
        AtomicBoolean swapped = new AtomicBoolean();
        CountDownLatch searched = new CountDownLatch(1);
        CountDownLatch searchedAfterSwap = new CountDownLatch(3);
        Thread searcher = Thread.ofPlatform().start(() -> {
            while (searchedAfterSwap.getCount() > 0) {
                boolean after = swapped.get();
                Hits hits = index.keyword(KeywordQuery.text("topic"), ResultOrder.RELEVANCE, 0, 200);
                totals.add(hits.total());
                assertThat(hits.hits()).extracting(Hit::id).allMatch(id -> id.startsWith(hits.total() == 50 ? "old"
                        : "new"));
                searched.countDown();
                if (after) {
                    searchedAfterSwap.countDown();
                }
            }
        });
        assertThat(searched.await(30, TimeUnit.SECONDS)).isTrue();
        try (SearchIndex.Rebuild build = index.rebuild()) {
            for (int batch = 0; batch < 8; batch++) {
                List<SearchDocument> documents = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    documents.add(doc(String.format("new-%02d", batch * 10 + i), "topic"));
                }
                build.add(documents);
            }
            build.swap();
            swapped.set(true);
        }
        searcher.join(30_000);
        assertThat(searcher.isAlive()).isFalse();
        assertThat(totals).as("only ever the whole old or the whole new index").containsOnly(50L, 80L)
                .contains(50L, 80L);
    }

    @Test
    void moreLikeThisFindsPapersSharingWordsButNotThePaperItself() {
        index.upsert(List.of(doc("1", "graphene transistors at low temperature"),
                doc("2", "graphene transistors for flexible electronics"),
                doc("3", "protein folding with language models"),
                doc("4", "graphene")));
        index.refresh();
        assertThat(index.moreLikeThis("1", Filters.NONE, 10).hits()).extracting(Hit::id)
                .doesNotContain("1").startsWith("2");
        assertThat(index.moreLikeThis("unknown", Filters.NONE, 10).hits()).isEmpty();
    }
}
