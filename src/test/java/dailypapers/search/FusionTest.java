package dailypapers.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dailypapers.search.Fusion.FusedHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {

    private static List<Hit> hits(String... ids) {
        return java.util.stream.IntStream.range(0, ids.length).mapToObj(i -> new Hit(ids[i], 10 - i)).toList();
    }

    @Test
    void reciprocalRankAddsOneOverKPlusRank() {
        List<FusedHit> fused = new Fusion.ReciprocalRank(60).fuse(hits("a", "b", "c"), hits("c", "d", "a"));
        assertThat(fused).extracting(FusedHit::id).containsExactly("a", "c", "b", "d");
        FusedHit a = fused.getFirst();
        assertThat(a.score()).isCloseTo(1.0 / 61 + 1.0 / 63, within(1e-12));
        assertThat(a.keywordRank()).isEqualTo(1);
        assertThat(a.semanticRank()).isEqualTo(3);
        assertThat(fused.get(2).semanticRank()).as("b is not in the semantic list").isZero();
    }

    @Test
    void equalScoresAreOrderedById() {
        List<FusedHit> fused = new Fusion.ReciprocalRank(60).fuse(hits("z", "y"), hits("y", "z"));
        assertThat(fused).extracting(FusedHit::id).containsExactly("y", "z");
        assertThat(new Fusion.ReciprocalRank(60).fuse(hits("b"), hits("a"))).extracting(FusedHit::id)
                .containsExactly("a", "b");
    }

    @Test
    void eitherListMayBeEmpty() {
        assertThat(new Fusion.ReciprocalRank(60).fuse(List.of(), hits("a", "b"))).extracting(FusedHit::id)
                .containsExactly("a", "b");
        assertThat(new Fusion.ReciprocalRank(60).fuse(hits("a"), List.of())).extracting(FusedHit::id)
                .containsExactly("a");
    }
}
