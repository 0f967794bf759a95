package dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimilarListTest {

    private static final SimilarList.Basis BY_WORDS = new SimilarList.Basis("text", "", 1_000);

    @Test
    void aListStaysCurrentUntilTheCorpusGrowsByATenth() {
        assertThat(BY_WORDS.isCurrentFor(new SimilarList.Basis("text", "", 1_000))).isTrue();
        assertThat(BY_WORDS.isCurrentFor(new SimilarList.Basis("text", "", 1_099))).isTrue();
        assertThat(BY_WORDS.isCurrentFor(new SimilarList.Basis("text", "", 1_100))).isFalse();
        assertThat(BY_WORDS.isCurrentFor(new SimilarList.Basis("text", "", 900))).isTrue();
    }

    @Test
    void newTextOrAnotherWayOfFindingThemMakesAListOutOfDate() {
        assertThat(BY_WORDS.isCurrentFor(new SimilarList.Basis("other text", "", 1_000))).isFalse();
        assertThat(BY_WORDS.isCurrentFor(new SimilarList.Basis("text", "model", 1_000))).isFalse();
        SimilarList.Basis byMeaning = new SimilarList.Basis("text", "model", 500);
        assertThat(byMeaning.isByMeaning()).isTrue();
        assertThat(BY_WORDS.isByMeaning()).isFalse();
        assertThat(byMeaning.isCurrentFor(new SimilarList.Basis("text", "other-model", 500))).isFalse();
        assertThat(byMeaning.isCurrentFor(new SimilarList.Basis("text", "", 1_000))).isFalse();
    }
}
