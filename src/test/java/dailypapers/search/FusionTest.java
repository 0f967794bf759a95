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
        // a and c tie (1/61 + 1/63), as do b and d (1/62): ties by descending id.
        assertThat(fused).extracting(FusedHit::id).containsExactly("c", "a", "d", "b");
        FusedHit a = fused.get(1);
        assertThat(a.score()).isCloseTo(1.0 / 61 + 1.0 / 63, within(1e-12));
        assertThat(a.keywordRank()).isEqualTo(1);
        assertThat(a.semanticRank()).isEqualTo(3);
        assertThat(fused.get(3).semanticRank()).as("b is not in the semantic list").isZero();
    }

    @Test
    void equalScoresAreOrderedByDescendingIdAsTheIndexOrdersThem() {
        List<FusedHit> fused = new Fusion.ReciprocalRank(60).fuse(hits("z", "y"), hits("y", "z"));
        assertThat(fused).extracting(FusedHit::id).containsExactly("z", "y");
        assertThat(new Fusion.ReciprocalRank(60).fuse(hits("a"), hits("b"))).extracting(FusedHit::id)
                .containsExactly("b", "a");
    }

    @Test
    void eitherListMayBeEmpty() {
        assertThat(new Fusion.ReciprocalRank(60).fuse(List.of(), hits("a", "b"))).extracting(FusedHit::id)
                .containsExactly("a", "b");
        assertThat(new Fusion.ReciprocalRank(60).fuse(hits("a"), List.of())).extracting(FusedHit::id)
                .containsExactly("a");
    }
}
