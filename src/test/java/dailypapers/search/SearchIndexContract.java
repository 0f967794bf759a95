package dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        index.close();
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
    void equalScoresAreOrderedByIdNotByInsertion() {
        index.upsert(List.of(doc("c", "same words"), doc("a", "same words"), doc("b", "same words")));
        index.refresh();
        assertThat(keyword("same words", ResultOrder.RELEVANCE)).containsExactly("a", "b", "c");
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
        assertThat(page.hits()).extracting(Hit::id).containsExactly("10", "11", "12", "13", "14");
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
        assertThat(index.stats()).isEqualTo(new SearchIndex.Stats(4, 3));
    }

    @Test
    void exactMatchesFindAnIdOrATitleIgnoringCaseAndPunctuation() {
        index.upsert(List.of(doc("2", "Attention Is All You Need"), doc("1", "attention is all you need!"),
                doc("3", "Something else")));
        index.refresh();
        assertThat(index.exactMatches(Optional.empty(), Optional.of("ATTENTION  is all-you need"), Filters.NONE))
                .containsExactly("1", "2");
        assertThat(index.exactMatches(Optional.of("3"), Optional.of("attention is all you need"), Filters.NONE))
                .containsExactly("3", "1", "2");
        assertThat(index.exactMatches(Optional.empty(), Optional.of("..."), Filters.NONE)).isEmpty();
    }

    @Test
    void snippetsMarkMatchesInPlainTextFragments() {
        index.upsert(List.of(doc("1", "<b>Graphene</b> & friends",
                "First sentence is dull. Graphene conducts <i>well</i>. Last sentence.", LocalDate.of(2025, 1, 1),
                0, null)));
        index.refresh();
        Snippets snippets = index.snippets(KeywordQuery.text("graphene"), List.of("1", "missing")).get("1");
        assertThat(snippets.title().fragments()).containsExactly(new Highlight.Fragment("<b>", false),
                new Highlight.Fragment("Graphene", true), new Highlight.Fragment("</b> & friends", false));
        assertThat(snippets.abstractText().text()).contains("Graphene conducts <i>well</i>.");
        assertThat(snippets.abstractText().fragments()).filteredOn(Highlight.Fragment::isMatch)
                .extracting(Highlight.Fragment::text).containsExactly("Graphene");
        assertThat(index.snippets(KeywordQuery.text("graphene"), List.of("missing"))).isEmpty();
    }

    @Test
    void commitRecordsStateAndVersionsAreKept() {
        index.upsert(List.of(doc("1", "a"), doc("2", "b")));
        index.commit(Map.of("checkpoint", "42"));
        assertThat(index.state()).containsEntry("checkpoint", "42");
        assertThat(index.versions(List.of("1", "2", "3"))).isEqualTo(Map.of("1", "v-1", "2", "v-2"));
        index.deleteAll();
        index.refresh();
        assertThat(index.stats().documents()).isZero();
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
