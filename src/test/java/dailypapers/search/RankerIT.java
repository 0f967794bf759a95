package dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dailypapers.search.Ranker.Ranking;
import dailypapers.search.lucene.LuceneSearchIndex;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ranking every search runs, over a small in-memory index with a test encoder. */
class RankerIT {

    private final HashingEncoder encoder = new HashingEncoder();
    private final AtomicInteger statsCalls = new AtomicInteger();
    private SearchIndex index;
    private Ranker ranker;

    @BeforeEach
    void open() {
        index = new ForwardingSearchIndex(LuceneSearchIndex.inMemory()) {
            @Override
            public Stats stats() {
                statsCalls.incrementAndGet();
                return super.stats();
            }
        };
        try (SearchIndex.Rebuild build = index.rebuild()) {
            build.add(List.of(document("2501.00001", "Graphene transistors", true),
                    document("2501.00002", "Graphene at low temperature", true),
                    document("2501.00003", "Protein folding", false)));
            build.swap();
        }
        ranker = Ranker.over(index, Optional.of(encoder), 0, Ranker.Tuning.TEXTBOOK);
    }

    private SearchDocument document(String id, String title, boolean withVector) {
        return SearchDocument.text(id, title, title + " in detail.",
                withVector ? encoder.encodePassages(List.of(EmbeddingText.of(title, ""))).getFirst() : null);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private Ranking rank(String query, SearchMode mode) {
        return ranker.rank(new SearchRequest(query, Optional.of(mode), ResultOrder.RELEVANCE, 0, 10));
    }

    @Test
    void aHybridSearchReadsTheIndexStatsOnce() {
        Ranking ranking = rank("graphene", SearchMode.HYBRID);

        assertThat(ranking.mode()).isEqualTo(SearchMode.HYBRID);
        assertThat(ranking.notices()).singleElement().asString().contains("covers 2 of 3 papers");
        assertThat(statsCalls).hasValue(1);
    }

    @Test
    void aKeywordSearchDoesNotReadTheStats() {
        rank("graphene", SearchMode.KEYWORD);
        assertThat(statsCalls).hasValue(0);
    }

    @Test
    void anExactTitleComesFirstInEveryMode() {
        for (SearchMode mode : SearchMode.values()) {
            assertThat(rank("graphene at LOW temperature!", mode).hits().getFirst())
                    .as("%s", mode).satisfies(h -> {
                        assertThat(h.id()).isEqualTo("2501.00002");
                        assertThat(h.isExactMatch()).isTrue();
                    });
        }
    }

    @Test
    void aSemanticSearchWithAFilterNothingPassesFindsNothingRatherThanFallingBack() {
        Ranking ranking = rank("graphene year:2030", SearchMode.SEMANTIC);

        assertThat(ranking.mode()).isEqualTo(SearchMode.SEMANTIC);
        assertThat(ranking.hits()).isEmpty();
        assertThat(ranking.notices()).noneMatch(n -> n.contains("failed"));
    }

    @Test
    void aTooLongQueryIsRefusedAsTheClientsMistake() {
        assertThatThrownBy(() -> rank("x".repeat(UserQuery.MAX_LENGTH + 1), SearchMode.KEYWORD))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("a query has at most 250 characters, got 251")
                .extracting(e -> ((InvalidQueryException) e).reason()).isEqualTo(InvalidQueryException.Reason.TOO_LONG);
    }
}
