package dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dailypapers.search.Fusion.FusedHit;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FusionTest {

    private static final Fusion RRF = new Fusion.ReciprocalRank(60, 0.5);

    private static List<Hit> hits(String... ids) {
        return IntStream.range(0, ids.length).mapToObj(i -> new Hit(ids[i], 10 - i)).toList();
    }

    private static List<Hit> scored(Object... idsAndScores) {
        return IntStream.range(0, idsAndScores.length / 2).mapToObj(i -> new Hit((String) idsAndScores[2 * i],
                ((Number) idsAndScores[2 * i + 1]).doubleValue())).toList();
    }

    @Test
    void reciprocalRankAddsOneOverKPlusRank() {
        List<FusedHit> fused = RRF.fuse(hits("a", "b", "c"), hits("c", "d", "a"));
        // a and c tie (1/61 + 1/63), as do b and d (1/62): ties by descending id.
        assertThat(fused).extracting(FusedHit::id).containsExactly("c", "a", "d", "b");
        FusedHit a = fused.get(1);
        assertThat(a.score()).isCloseTo(1.0 / 61 + 1.0 / 63, within(1e-12));
        assertThat(a.keywordRank()).isEqualTo(1);
        assertThat(a.semanticRank()).isEqualTo(3);
        assertThat(fused.get(3).semanticRank()).as("b is not in the semantic list").isZero();
    }

    @Test
    void weightedReciprocalRankFavoursTheHeavierSide() {
        // Unweighted, a (keyword #1, semantic #3) and c (keyword #3, semantic #1) tie; weights break the tie.
        Fusion keywordHeavy = new Fusion.ReciprocalRank(60, 0.7);
        assertThat(keywordHeavy.fuse(hits("a", "b", "c"), hits("c", "d", "a"))).extracting(FusedHit::id)
                .startsWith("a", "c");
        FusedHit a = keywordHeavy.fuse(hits("a", "b", "c"), hits("c", "d", "a")).getFirst();
        assertThat(a.score()).isCloseTo(1.4 / 61 + 0.6 / 63, within(1e-12));
        assertThat(new Fusion.ReciprocalRank(60, 0.3).fuse(hits("a", "b", "c"), hits("c", "d", "a")))
                .extracting(FusedHit::id).startsWith("c", "a");
    }

    @Test
    void convexCombinationAddsScoresDividedByEachListsBest() {
        List<Hit> keyword = scored("a", 20.0, "b", 10.0);
        List<Hit> semantic = scored("b", 0.9, "c", 0.45);
        List<FusedHit> fused = new Fusion.Convex(0.25).fuse(keyword, semantic);
        // b: 2 (0.25 * 0.5 + 0.75 * 1.0) = 1.75; a: 2 (0.25 * 1.0) = 0.5; c: 2 (0.75 * 0.5) = 0.75.
        assertThat(fused).extracting(FusedHit::id).containsExactly("b", "c", "a");
        assertThat(fused).extracting(FusedHit::score).containsExactly(1.75, 0.75, 0.5);
        assertThat(fused.getFirst().keywordRank()).isEqualTo(2);
        assertThat(fused.getFirst().semanticRank()).isEqualTo(1);
        assertThat(new Fusion.Convex(1.0).fuse(keyword, semantic)).extracting(FusedHit::id).startsWith("a", "b");
    }

    @Test
    void convexCombinationSurvivesAListWhoseBestScoreIsZero() {
        assertThat(new Fusion.Convex(0.5).fuse(scored("a", 0.0), scored("b", 0.5))).extracting(FusedHit::id)
                .containsExactly("b", "a");
    }

    @Test
    void weightsOutsideZeroToOneAreRefused() {
        assertThatThrownBy(() -> new Fusion.Convex(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fusion.ReciprocalRank(60, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fusion.Convex(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fusion.ReciprocalRank(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalScoresAreOrderedByDescendingIdAsTheIndexOrdersThem() {
        List<FusedHit> fused = RRF.fuse(hits("z", "y"), hits("y", "z"));
        assertThat(fused).extracting(FusedHit::id).containsExactly("z", "y");
        assertThat(RRF.fuse(hits("a"), hits("b"))).extracting(FusedHit::id).containsExactly("b", "a");
        assertThat(new Fusion.Convex(0.5).fuse(hits("a"), hits("b"))).extracting(FusedHit::id)
                .containsExactly("b", "a");
    }

    @Test
    void eitherListMayBeEmpty() {
        for (Fusion fusion : List.of(RRF, new Fusion.Convex(0.3))) {
            assertThat(fusion.fuse(List.of(), hits("a", "b"))).extracting(FusedHit::id).containsExactly("a", "b");
            assertThat(fusion.fuse(hits("a"), List.of())).extracting(FusedHit::id).containsExactly("a");
        }
    }
}
